// A conversation survives a server restart mid-dialog, and overlapping turns of one conversation lose nothing.
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../dialogs/wording/zh-CN.js';
import { createHarness, last, lowdbStorage, tempDir } from '../support/bot-harness.js';

describe('bot state on lowdb', () => {
  it('continues a half-finished conversation after a restart', async () => {
    const dir = tempDir();
    const before = createHarness({ storage: await lowdbStorage(dir) });
    await before.say('昨天晚上9点刷卡失败');
    expect(last(await before.say('2000块'))).toContain(zhCN.ask.reference);

    const after = createHarness({ storage: await lowdbStorage(dir) });
    const confirm = last(await after.say('参考号 123456789012'));
    expect(confirm).toContain('11月25日 21:00，收款 ¥2,000.00，参考号 123456789012');
  });

  it('does not lose an update when two turns of one conversation overlap', async () => {
    const bot = createHarness({ storage: await lowdbStorage() });
    await bot.say('刷卡失败了');
    await Promise.all([bot.say('昨天下午3点'), bot.say('金额2000')]);
    const confirm = last(await bot.say('参考号 123456789012'));
    expect(confirm).toContain('11月25日 15:00，收款 ¥2,000.00，参考号 123456789012');
    const state = JSON.stringify(await bot.storedState());
    expect(state).toContain('昨天下午3点');
    expect(state).toContain('金额2000');
  });
});
