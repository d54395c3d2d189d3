// Transcripts of the collection flow in Chinese: all at once, piece by piece, corrections, no receipt, bad input.
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../dialogs/wording/zh-CN.js';
import { createHarness, last } from '../support/bot-harness.js';

const w = zhCN;

describe('collecting a report in Chinese', () => {
  it('takes every detail from one message and reads them back in one line', async () => {
    const bot = createHarness();
    const replies = await bot.say('昨晚八点多刷了3千 参考号123456789012 钱没到');
    expect(replies[0]).toBe(w.greeting);
    expect(replies[1]).toBe(w.cardDataNotice);
    expect(last(replies)).toContain('我核对一下：11月25日 20:00–21:00，收款 ¥3,000.00，参考号 123456789012，对吗？');
    expect(last(replies)).toContain('[对] [不对]');
    expect((await bot.say('对'))[0]).toBe(w.collected('11月25日 20:00–21:00，收款 ¥3,000.00，参考号 123456789012'));
  });

  it('asks only for what is missing, one question at a time', async () => {
    const bot = createHarness();
    await bot.join();
    expect(last(await bot.say('刷卡失败了，显示51'))).toBe(w.ask.time);
    expect(last(await bot.say('昨天晚上8点'))).toBe(w.ask.amount);
    expect(last(await bot.say('两千八'))).toContain(w.ask.reference);
    const confirm = last(await bot.say('参考号 000123456789'));
    expect(confirm).toContain('11月25日 20:00，收款 ¥2,800.00，参考号 000123456789，应答码 51');
  });

  it('corrects the amount from "不对，是2000" at the read-back', async () => {
    const bot = createHarness();
    await bot.say('昨晚八点多刷了3千 参考号123456789012');
    const confirm = last(await bot.say('不对，是2000'));
    expect(confirm).toContain('收款 ¥2,000.00');
    expect(confirm).not.toContain('3,000');
  });

  it('takes a correction while asking for something else and keeps asking', async () => {
    const bot = createHarness();
    await bot.say('昨天下午三点刷了3000');
    expect(last(await bot.say('不对，金额是2500'))).toContain(w.ask.reference);
    expect(last(await bot.say('123456789012'))).toContain('收款 ¥2,500.00');
  });

  it('lets the merchant pick the wrong field and re-asks only that one', async () => {
    const bot = createHarness();
    await bot.say('昨晚八点多刷了3千 参考号123456789012');
    expect(last(await bot.say('不对'))).toContain(w.whichField);
    expect(last(await bot.say('时间'))).toBe(w.ask.time);
    const confirm = last(await bot.say('前天下午三点'));
    expect(confirm).toContain('11月24日 15:00，收款 ¥3,000.00，参考号 123456789012');
  });

  it('accepts time, amount and card last 4 when there is no receipt', async () => {
    const bot = createHarness();
    await bot.say('今天早上9点半收款1280.50没到账');
    expect(last(await bot.say('没有小票'))).toBe(w.ask.fallbackId);
    expect(last(await bot.say('尾号1234'))).toContain('11月26日 09:30，收款 ¥1,280.50，卡尾号 1234');
  });

  it('asks for the terminal id when the reference is a trace number', async () => {
    const bot = createHarness();
    await bot.say('昨天下午两点刷了500 凭证号000123');
    expect(last(await bot.say('没记住'))).toContain(w.retry.terminalId);
    expect(last(await bot.say('12345678'))).toContain('凭证号 000123，终端号 12345678');
  });

  it('refuses a future time and a zero amount with a clear re-ask', async () => {
    const bot = createHarness();
    await bot.say('刷卡失败');
    const future = await bot.say('明天下午3点');
    expect(future[0]).toBe(w.futureTime);
    expect(last(future)).toBe(w.ask.time);
    await bot.say('昨天下午3点');
    const zero = await bot.say('0元');
    expect(zero[0]).toBe(w.invalidAmount.zero);
    expect(last(zero)).toBe(w.ask.amount);
    expect(await bot.say('不知道')).toEqual([w.retry.amount]);
  });

  it('answers help at any step and asks the same question again', async () => {
    const bot = createHarness();
    await bot.say('刷卡失败');
    expect(await bot.say('帮助')).toEqual([w.help, w.ask.time]);
  });

  it('starts over after cancel, forgetting what was collected', async () => {
    const bot = createHarness();
    await bot.say('昨天下午3点刷了2000 失败了');
    expect(await bot.say('重新开始')).toEqual([w.cancelled]);
    expect(last(await bot.say('刷卡失败'))).toBe(w.ask.time);
  });

  it('opens a ticket with what was collected when the merchant asks for a person, and does not open a second', async () => {
    const bot = createHarness();
    await bot.say('昨天下午3点刷了2000 失败了');
    const queued = await bot.say('转人工');
    expect(queued).toEqual([w.handoff.queued('T-20261126-0001', 1, 10)]);
    const ticket = (await bot.handoff.activeTicket('conversation-1'))!;
    expect(ticket.report?.amount?.value).toBe(2000);
    expect((await bot.say('我要人工客服'))[0]).toBe(w.handoff.added('T-20261126-0001', 1));
    expect(await bot.handoff.list()).toHaveLength(1);
  });

  it('asks a merchant who only greets to describe the problem', async () => {
    const bot = createHarness();
    expect(last(await bot.say('你好'))).toBe(w.askDescription);
    expect(last(await bot.say('昨天刷了3000没到账'))).toContain(w.ask.reference);
  });
});
