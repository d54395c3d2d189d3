// Transcripts in English, language choice, and card data that must never come back out.
import { describe, expect, it } from 'vitest';
import { enUS } from '../../dialogs/wording/en-US.js';
import { zhCN } from '../../dialogs/wording/zh-CN.js';
import { createHarness, last } from '../support/bot-harness.js';

describe('collecting a report in English', () => {
  it('runs the whole flow in English, detected from the text', async () => {
    const bot = createHarness();
    expect(last(await bot.say('a card sale failed yesterday around 3pm'))).toBe(enUS.ask.amount);
    expect(last(await bot.say('$45.20'))).toContain(enUS.ask.reference);
    const confirm = last(await bot.say('ref 123456789012'));
    expect(confirm).toContain('Let me check: 25 Nov 14:30–15:30, sale of US$45.20, reference no. (RRN) 123456789012. Is that right?');
    expect(last(await bot.say('no, it was 50 dollars'))).toContain('US$50.00');
    expect((await bot.say('yes'))[0]).toBe(enUS.collected('25 Nov 14:30–15:30, sale of US$50.00, reference no. (RRN) 123456789012'));
  });

  it("follows the activity's locale over the text", async () => {
    const bot = createHarness({ locale: 'en-US' });
    const replies = await bot.say('刷卡失败');
    expect(replies[0]).toBe(enUS.greeting);
    expect(last(replies)).toBe(enUS.ask.time);
  });

  it('greets in both languages when nothing tells the language yet', async () => {
    const bot = createHarness();
    const greeting = await bot.join();
    expect(greeting[0]).toBe(`${zhCN.greeting}\n\n${enUS.greeting}`);
    expect(greeting[1]).toBe(`${zhCN.cardDataNotice}\n\n${enUS.cardDataNotice}`);
  });

  it('keeps a bare number in the language the conversation already has', async () => {
    const bot = createHarness();
    await bot.say('the payment failed this morning at 9');
    expect(last(await bot.say('3000'))).toContain(enUS.ask.reference);
  });
});

describe('card data', () => {
  const card = '6222 0212 3456 7890 128';

  it('masks a card number, says so, and keeps only the last 4', async () => {
    const bot = createHarness();
    const replies = await bot.say(`昨天下午3点刷了2000 卡号${card} 显示51`);
    expect(replies).toContain(zhCN.cardDataMasked);
    expect(replies.join('\n')).not.toMatch(/6222\s?0212/);
    const confirm = last(await bot.say('没有小票'));
    expect(confirm).toContain('卡尾号 0128');
    const stored = JSON.stringify(await bot.storedState());
    expect(stored).not.toContain('62220212');
    expect(stored).not.toContain('6222 0212');
    expect(stored).toContain('****0128');
  });

  it('never stores a PIN the merchant typed', async () => {
    const bot = createHarness();
    await bot.say('顾客密码是 837261 一直提示55');
    expect(JSON.stringify(await bot.storedState())).not.toContain('837261');
  });
});
