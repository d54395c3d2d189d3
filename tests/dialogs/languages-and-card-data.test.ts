// Languages and scripts (English, simplified and traditional Chinese), and card data that must never come back out.
import { describe, expect, it } from 'vitest';
import { enUS } from '../../dialogs/wording/en-US.js';
import { zhCN } from '../../dialogs/wording/zh-CN.js';
import { zhTW } from '../../dialogs/wording/zh-TW.js';
import { languageOfText } from '../../src/bot/resolve-locale.js';
import { createHarness, KNOWLEDGE, last } from '../support/bot-harness.js';

const after = (replies: readonly string[]) => replies.slice(2); // past the greeting and the card-data notice

describe('the merchant\'s language', () => {
  it('answers English in English, with the deployment\'s currency on the ticket', async () => {
    const bot = createHarness({ currency: 'USD' });
    const replies = await bot.say('customer got charged twice for 120, card ends 4421');
    expect(replies[0]).toBe(enUS.greeting);
    expect(after(replies).join('\n')).toContain(KNOWLEDGE.causes.find((c) => c.id === 'duplicate_charge')!.title.en);
    await bot.say('agent');
    const [ticket] = await bot.handoff.list();
    expect(ticket?.report).toMatchObject({ amount: { value: 120, currency: 'USD' }, cardLast4: '4421' });
    expect(ticket?.locale).toBe('en-US');
  });

  it('keeps answering a Chinese conversation in Chinese when the merchant types one English word', async () => {
    const bot = createHarness();
    await bot.say('机器一直显示请先签到 刷不了卡');
    const replies = await bot.say('yes');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => languageOfText(r) !== 'en-US')).toBe(true);
  });

  it('reads traditional Chinese and answers in traditional Chinese', async () => {
    const bot = createHarness();
    const replies = after(await bot.say('刷卡機一直顯示請先簽到 客人在等'));
    expect(replies.join('\n')).toContain('簽到');
    expect(replies.every((r) => languageOfText(r) !== 'zh-CN')).toBe(true);
    expect(last(replies)).toContain(`[${zhTW.ask.helpedYes}]`);
  });

  it("starts from the channel's locale and then follows the merchant's own words", async () => {
    const bot = createHarness({ locale: 'en-US' });
    const replies = await bot.say('刷卡失败');
    expect(replies[0]).toBe(zhCN.greeting);
  });

  it('greets in both languages when nothing tells the language yet', async () => {
    const bot = createHarness();
    const greeting = await bot.join();
    expect(greeting[0]).toBe(`${zhCN.greeting}\n\n${enUS.greeting}`);
    expect(greeting[1]).toBe(`${zhCN.cardDataNotice}\n\n${enUS.cardDataNotice}`);
  });
});

describe('card data', () => {
  const card = '6222 0212 3456 7890 128';

  it('masks a card number, says so, and keeps only the last 4', async () => {
    const bot = createHarness();
    const replies = await bot.say(`昨天下午3点刷了2000 卡号${card} 显示51`);
    expect(replies).toContain(zhCN.cardDataMasked);
    expect(replies.join('\n')).not.toMatch(/6222\s?0212/);
    await bot.say('转人工');
    const [ticket] = await bot.handoff.list();
    expect(ticket?.report?.cardLast4).toBe('0128');
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
