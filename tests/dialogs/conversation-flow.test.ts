// The conversation at the counter, as the merchant types: answer first, ask only what the answer needs, never loop.
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../dialogs/wording/zh-CN.js';
import { createHarness, KNOWLEDGE, last } from '../support/bot-harness.js';

const w = zhCN;
const titleOf = (id: string) => KNOWLEDGE.causes.find((c) => c.id === id)!.title.zh;
const fixOf = (id: string) => KNOWLEDGE.causes.find((c) => c.id === id)!.fix.zh;
const all = (replies: readonly string[]) => replies.join('\n');

describe('answering first', () => {
  it('names the cause of a code at the counter with its evidence, the fix and what to tell the customer, asking nothing first', async () => {
    const bot = createHarness();
    const replies = (await bot.say('顾客刷卡显示51 还在柜台等着')).slice(2); // after the greeting and the card-data notice
    expect(all(replies)).toContain(titleOf('insufficient_funds'));
    expect(all(replies)).toContain('应答码 51');
    expect(all(replies)).toContain(fixOf('insufficient_funds')[0]);
    expect(all(replies)).toContain(KNOWLEDGE.causes.find((c) => c.id === 'insufficient_funds')!.tellCustomer!.zh);
    expect(last(replies)).toMatch(/\[好了\] \[还是不行\]$/);
    expect(replies.some((r) => w.ask.time.some((ask) => r.includes(ask)) || w.ask.kind.some((ask) => r.includes(ask)))).toBe(false);
  });

  it('fixes a terminal fault without any transaction details, and offers a person when it is "还是不行"', async () => {
    const bot = createHarness();
    expect(all(await bot.say('机器一直显示请先签到 刷不了卡'))).toContain(titleOf('sign_in_failure'));
    const offer = last(await bot.say('签了 还是不行'));
    expect(w.ask.personAfterNoHelp.some((v) => offer.startsWith(v))).toBe(true);
    expect(await bot.say('好')).toContain(w.handoff.queued('T-20261126-0001', 1, 10));
    const ticket = await bot.handoff.get('T-20261126-0001');
    expect(ticket.diagnosis).toMatchObject({ cause: 'sign_in_failure', merchantAnswer: 'not_helped' });
  });

  it('tells a timeout with the money taken not to charge again, at once', async () => {
    const bot = createHarness();
    const replies = await bot.say('刚刷了一笔 显示交易超时 顾客说短信提示扣钱了');
    expect(all(replies)).toContain(titleOf('communication_timeout'));
    expect(all(replies)).not.toContain('什么时候');
  });

  it('answers a plain question, and says which receipt number to give', async () => {
    const bot = createHarness();
    expect(all(await bot.say('51是什么意思'))).toContain(titleOf('insufficient_funds'));
    expect(all(await bot.say('查一笔交易要提供哪个号码'))).toContain(titleOf('transaction_lookup_identifiers'));
  });
});

describe('money that has not arrived', () => {
  it('asks only when the trade was, then says it is not due yet, with the due time', async () => {
    const bot = createHarness();
    expect(w.ask.time).toContain(last(await bot.say('刷卡的钱没到账')).replace(/\n.*$/s, ''));
    const replies = await bot.say('昨天下午3点');
    expect(all(replies)).toContain(titleOf('settlement_delay'));
    expect(all(replies)).toContain('11月26日 14:00');
  });

  it('counts the 23:00 cut-off', async () => {
    const bot = createHarness({ now: new Date('2026-11-26T10:00:00+08:00') });
    expect(all(await bot.say('昨晚23点半刷的 钱还没到账'))).toContain(titleOf('cutoff_time'));
  });

  it('counts the National Day holiday when it works out the due time', async () => {
    const bot = createHarness({ now: new Date('2026-10-03T10:00:00+08:00') });
    const replies = await bot.say('9月30日晚上8点刷的钱没到账');
    expect(all(replies)).toContain(titleOf('holiday_delay'));
    expect(all(replies)).toContain('10月8日');
  });

  it('never lets a settlement rule override what the merchant said: a new terminal\'s first sale', async () => {
    const bot = createHarness({ now: new Date('2026-11-29T10:00:00+08:00') });
    const replies = await bot.say('新装的机器 第一笔刷了800 一直没到账');
    expect(all(replies)).toContain(titleOf('merchant_unactivated'));
    expect(all(replies)).not.toContain(titleOf('holiday_delay'));
  });

  it('takes "不知道" for the time and moves on instead of asking again', async () => {
    const bot = createHarness();
    await bot.say('结算的钱没到');
    const after = await bot.say('不知道');
    expect(all(after)).not.toContain('什么时候刷的');
  });
});

describe('plain answers', () => {
  it('reads "card ends 4421" as the card, never as the amount, and keeps the currency', async () => {
    const bot = createHarness({ currency: 'USD' });
    await bot.say('customer says she got charged twice for $120 yesterday');
    await bot.say('card ends 4421');
    await bot.say('last 4 4421');
    await bot.say('agent please');
    const [ticket] = await bot.handoff.list();
    expect(ticket?.report).toMatchObject({ amount: { value: 120, currency: 'USD' }, cardLast4: '4421' });
  });

  it('refuses a future time and a zero amount with a clear message', async () => {
    const bot = createHarness();
    await bot.say('刷卡的钱没到账');
    expect(await bot.say('明天下午3点')).toContain(w.invalid.future_time);
    expect(await bot.say('金额是0元')).toContain(w.invalid.zero);
  });

  it('asks a question mid-flow back and resumes the earlier question', async () => {
    const bot = createHarness();
    await bot.say('刷卡的钱没到账');
    const replies = await bot.say('哪个是参考号啊');
    expect(all(replies)).toContain(titleOf('transaction_lookup_identifiers'));
    expect(last(replies)).toMatch(/什么时候|哪天/);
  });

  it('takes up a new problem mid-flow', async () => {
    const bot = createHarness();
    await bot.say('前天的钱没到账');
    expect(all(await bot.say('先不管那个 现在机器一直显示无信号'))).toContain(titleOf('no_network'));
  });

  it('never says one thing three times when the merchant keeps answering something else', async () => {
    const bot = createHarness();
    const said: string[] = [...(await bot.say('刷卡有点问题'))];
    for (const text of ['嗯嗯嗯', '啊这', '哦', '呵呵']) said.push(...(await bot.say(text)));
    const counts = new Map<string, number>();
    for (const s of said) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThan(3);
    expect(all(said)).toContain('[转人工]');
  });
});

describe('commands at any step', () => {
  it('answers help, starts over with "重新开始", and hands over with "找个客服" in the middle of a sentence', async () => {
    const bot = createHarness();
    await bot.say('结算的钱没到');
    expect(await bot.say('帮助')).toContain(w.help);
    expect(await bot.say('不对不对 重新开始')).toEqual([w.cancelled]);
    await bot.say('刷卡失败了');
    expect(all(await bot.say('还是连不上 找个客服处理下'))).toContain('T-20261126-0001');
  });

  it('lists the problems the merchant reported ("我的记录")', async () => {
    const bot = createHarness();
    await bot.say('顾客刷卡显示51');
    await bot.say('好了');
    const records = last(await bot.say('我的记录'));
    expect(records).toContain(w.records.heading(1));
    expect(records).toContain(titleOf('insufficient_funds'));
    expect(records).toContain(w.records.outcome.resolved);
  });
});

describe('outside the bot\'s job', () => {
  it('steers chit-chat back politely, with a person on offer', async () => {
    const bot = createHarness();
    expect(last(await bot.say('今天天气怎么样'))).toBe(`${w.diagnosis.offTopic}\n  [${w.ask.personYes}]`);
  });

  it('answers a rates question briefly from the knowledge base instead of naming a failure cause', async () => {
    const bot = createHarness();
    const reply = last(await bot.say('你们的费率是多少 手续费怎么算'));
    const topic = KNOWLEDGE.topics.find((t) => t.id === 'fees_and_rates')!;
    expect(reply).toContain(topic.answer.zh);
    expect(reply).toContain(`[${w.ask.personYes}]`);
    expect(reply).not.toContain(titleOf('fee_deduction'));
  });
});
