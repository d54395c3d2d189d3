// From bot to queue to agent and back: the conversation's owner, what the merchant sees, what the ticket keeps.
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../dialogs/wording/zh-CN.js';
import { MemoryTicketStore } from '../../src/storage/memory-ticket-store.js';
import { createHarness, last } from '../support/bot-harness.js';

const w = zhCN;

describe('human takeover', () => {
  it('goes bot → queued → agent → resolved → bot, with the ticket holding everything', async () => {
    const bot = createHarness();
    await bot.say('昨晚八点多刷了3千 参考号123456789012 显示51');
    await bot.say('还是不行');
    expect(await bot.say(w.ask.personYes)).toEqual([w.handoff.queued('T-20261126-0001', 1, 10)]);

    // Queued: the merchant can add details (they fill the ticket's report); the bot answers only with the queue.
    expect(await bot.say('客人说他的卡是新办的 尾号4421')).toEqual([w.handoff.added('T-20261126-0001', 1)[0]]);
    let ticket = await bot.handoff.get('T-20261126-0001');
    expect(ticket).toMatchObject({ status: 'open', priority: 'normal', report: { amount: { value: 3000 }, reference: { value: '123456789012' }, cardLast4: '4421' } });
    expect(ticket.diagnosis).toMatchObject({ cause: 'insufficient_funds', merchantAnswer: 'not_helped' });
    expect(ticket.diagnosis?.suggestedSteps.length).toBeGreaterThan(0);
    expect(ticket.messages.map((m) => m.text)).toContain('客人说他的卡是新办的 尾号4421');

    // An agent claims: the merchant hears it; while the agent owns the conversation the bot stays silent.
    expect(await bot.watch(() => bot.handoff.claim('T-20261126-0001', 'xiaozhang', 5))).toEqual([w.handoff.agentJoined('xiaozhang')]);
    expect(await bot.say('好的 我等着')).toEqual([]);
    expect(await bot.watch(() => bot.handoff.agentMessage('T-20261126-0001', 'xiaozhang', '请客人换一张卡再试', false))).toEqual(['请客人换一张卡再试']);
    expect(await bot.watch(() => bot.handoff.agentMessage('T-20261126-0001', 'xiaozhang', '内部备注：疑似额度问题', true))).toEqual([]);

    // Resolved: the summary reaches the merchant and the bot answers again.
    const resolved = await bot.watch(() => bot.handoff.resolve('T-20261126-0001', 'xiaozhang', '持卡人额度不足，已换卡完成收款。', 'insufficient_funds'));
    expect(resolved[0]).toContain('持卡人额度不足，已换卡完成收款。');
    expect(last(await bot.say('51是什么意思'))).toMatch(/\[好了\] \[还是不行\]$/);

    ticket = await bot.handoff.get('T-20261126-0001');
    expect(ticket).toMatchObject({ status: 'resolved', assignee: 'xiaozhang', resolution: { cause: 'insufficient_funds', by: 'xiaozhang' } });
    expect(ticket.firstResponseAt).not.toBeNull();
    expect(ticket.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['opened', 'claimed', 'details', 'note', 'resolved']));
  });

  it('asks, after the handover, only for what the agent still needs: a QR payment\'s order number, never a card', async () => {
    const bot = createHarness();
    await bot.say('顾客微信扫码付了 手机显示成功 我这边没收到');
    const replies = await bot.say('转人工');
    expect(last(replies)).toBe(w.handoff.addDetails([w.handoff.detailNames.orderNumber, w.handoff.detailNames.time, w.handoff.detailNames.amount]));
  });

  it('lets a queued merchant leave the queue', async () => {
    const bot = createHarness();
    await bot.say('刷卡失败了');
    await bot.say('转人工');
    expect(await bot.say('取消')).toEqual([w.handoff.cancelled('T-20261126-0001')]);
    expect((await bot.handoff.get('T-20261126-0001')).status).toBe('closed');
  });

  it('tells the merchant when someone will answer outside business hours', async () => {
    const bot = createHarness({ now: new Date('2026-11-26T23:30:00+08:00') });
    await bot.say('刷卡失败了');
    expect((await bot.say('转人工'))[0]).toBe(w.handoff.afterHours('T-20261126-0001', '11月27日 09:00'));
  });

  // That the agent's words then reach both chats is run end to end by the conversation scripts with a second chat.
  it('joins a second chat about the same payment to its open ticket', async () => {
    const tickets = new MemoryTicketStore();
    const first = createHarness({ tickets, conversationId: 'first' });
    const second = createHarness({ tickets, conversationId: 'second' });
    await first.say('昨天下午3点刷了2000 参考号 123456789012 钱没到');
    await first.say('转人工');
    expect(last(await second.say('参考号123456789012 那笔有人管吗'))).toBe(w.handoff.joined('T-20261126-0001'));
    expect(await tickets.list()).toHaveLength(1);
    const ticket = await first.handoff.get('T-20261126-0001');
    expect(ticket.links?.map((l) => l.conversationId)).toEqual(['second']);
  });

  it('sends a handoff.initiate event for contact centres that understand it', async () => {
    const bot = createHarness();
    await bot.say('刷卡失败了');
    await bot.say('转人工');
    const initiate = bot.sent.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
    expect(initiate?.value).toMatchObject({ ticketId: 'T-20261126-0001', skill: 'acquirer-helpdesk' });
  });
});
