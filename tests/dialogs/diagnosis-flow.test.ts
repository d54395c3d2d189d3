// Transcripts of the diagnosis: cause with evidence and steps, settlement timing, questions, a person.
import { describe, expect, it } from 'vitest';
import { enUS } from '../../dialogs/wording/en-US.js';
import { zhCN } from '../../dialogs/wording/zh-CN.js';
import { createHarness, KNOWLEDGE, last } from '../support/bot-harness.js';

const w = zhCN.diagnosis;
const cause = (id: string) => KNOWLEDGE.causes.find((c) => c.id === id)!;
const titleOf = (id: string, lang: 'zh' | 'en' = 'zh') => cause(id).title[lang];

describe('diagnosis in the conversation', () => {
  it('states the cause with its code evidence and steps after collecting, then asks whether it helped', async () => {
    const bot = createHarness();
    await bot.say('昨晚八点多刷了3千 参考号123456789012 显示51');
    const replies = await bot.say('对');
    expect(replies[1]).toContain(w.likelyCause(titleOf('insufficient_funds'), cause('insufficient_funds').summary.zh));
    expect(replies[1]).toContain('应答码 51');
    expect(replies[2]).toBe(w.steps(cause('insufficient_funds').fix.zh));
    expect(last(replies)).toContain(w.askHelped);
    expect(await bot.say(w.helpedYes)).toEqual([w.resolved(titleOf('insufficient_funds'))]);
    const data = (await bot.storedState())?.conversationData as { concluded: { cause: string; resolved: boolean; report: { amount: { value: number } } }[] };
    expect(data.concluded[0]).toMatchObject({ cause: 'insufficient_funds', resolved: true, report: { amount: { value: 3000 } } });
  });

  it('says money is not due yet when the trade fell after the 23:00 cut-off', async () => {
    const bot = createHarness();
    await bot.say('昨天晚上11点半刷了5000 参考号123456789012 钱还没到账');
    const replies = await bot.say('对');
    expect(replies[1]).toContain(titleOf('cutoff_time'));
    expect(replies[1]).toContain('按 T1 结算规则，这笔钱预计在 11月27日 14:00 前到账');
  });

  it('counts the National Day holiday when it works out the due time', async () => {
    const bot = createHarness({ now: new Date('2026-10-03T10:00:00+08:00') });
    await bot.say('10月1号下午刷的2000 参考号 123456789012 钱一直没到');
    const replies = await bot.say('对');
    expect(replies[1]).toContain(titleOf('holiday_delay'));
    expect(replies[1]).toContain('10月8日 14:00');
  });

  it('answers a plain question without asking for time, amount and reference', async () => {
    const bot = createHarness();
    const replies = await bot.say('pos机显示14是什么意思');
    expect(replies.join('\n')).not.toContain(zhCN.ask.time);
    expect(replies.join('\n')).toContain(titleOf('invalid_card'));
    expect(replies.join('\n')).toContain('应答码 14');
  });

  it('explains which receipt number to give when asked', async () => {
    const bot = createHarness();
    const replies = await bot.say('小票上哪个是参考号啊');
    expect(replies.join('\n')).toContain(titleOf('transaction_lookup_identifiers'));
  });

  it('steers an off-topic message back politely, with a person on offer', async () => {
    const bot = createHarness();
    expect(last(await bot.say('今天天气怎么样'))).toBe(`${w.offTopic}\n  [${w.humanYes}]`);
  });

  it('answers a rates question briefly from the knowledge base instead of naming a failure cause', async () => {
    const bot = createHarness();
    const reply = last(await bot.say('你们的费率是多少 手续费怎么算'));
    const topic = KNOWLEDGE.topics.find((t) => t.id === 'fees_and_rates')!;
    expect(reply).toContain(topic.answer.zh);
    expect(reply).toContain(`[${w.humanYes}]`);
    expect(reply).not.toContain(titleOf('fee_deduction'));
  });

  it('diagnoses a terminal fault at once, without a transaction to look up', async () => {
    const bot = createHarness();
    const replies = await bot.say('机器一直显示无信号 刷不了卡');
    expect(replies.join('\n')).not.toContain(zhCN.ask.time);
    expect(replies.join('\n')).toContain(titleOf('no_network'));
  });

  it('asks separating questions when unsure (at most two), then answers from the replies', async () => {
    const bot = createHarness();
    await bot.say('昨天下午三点刷卡不成功 2000 参考号123456789012 客人说扣钱了 屏幕没显示什么');
    let replies = await bot.say('对');
    const answered: string[] = [];
    for (let round = 0; round < 2 && !replies.join('\n').includes(titleOf('communication_timeout')); round += 1) {
      const question = last(replies);
      const asked = KNOWLEDGE.questions.find((q) => question.startsWith(q.ask.zh));
      expect(asked, question).toBeDefined();
      const option = asked!.options.find((o) => o.supports.includes('communication_timeout')) ?? asked!.options[0]!;
      expect(question).toContain(`[${option.label.zh}]`);
      answered.push(option.label.zh);
      replies = await bot.say(option.label.zh);
    }
    expect(answered.length).toBeGreaterThan(0);
    expect(replies.join('\n')).toContain(titleOf('communication_timeout'));
    expect(replies.join('\n')).toContain(`您的回答“${answered[0]}”`);
  });

  it('offers a person when the fix did not help, and records the request', async () => {
    const bot = createHarness();
    await bot.say('昨晚八点多刷了3千 参考号123456789012 显示51');
    await bot.say('对');
    expect(last(await bot.say(w.helpedNo))).toContain(w.offerHuman);
    expect(await bot.say(w.humanYes)).toEqual([zhCN.handoff.queued('T-20261126-0001', 1, 10)]);
    const ticket = (await bot.handoff.get('T-20261126-0001'))!;
    expect(ticket.report?.reference?.value).toBe('123456789012');
  });

  it('offers a person at once for a cause that needs the acquirer', async () => {
    const bot = createHarness();
    const replies = await bot.say('pos提示终端未登记 97');
    expect(replies.join('\n')).toContain(titleOf('terminal_not_registered'));
    expect(last(replies)).toContain(w.needsPerson);
  });

  it('diagnoses in English', async () => {
    const bot = createHarness();
    await bot.say('yesterday 3pm a $80 sale was declined, code 51, ref 123456789012');
    const replies = await bot.say('yes');
    expect(replies[1]).toContain(enUS.diagnosis.likelyCause(titleOf('insufficient_funds', 'en'), cause('insufficient_funds').summary.en));
    expect(replies[1]).toContain('response code 51');
    expect(last(replies)).toContain(enUS.diagnosis.askHelped);
  });
});
