// A conversation survives a server restart mid-case, and overlapping turns of one conversation lose nothing.
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../dialogs/wording/zh-CN.js';
import { createHarness, KNOWLEDGE, last, lowdbStorage, tempDir } from '../support/bot-harness.js';

describe('bot state on lowdb', () => {
  it('continues a half-finished case after a restart', async () => {
    const dir = tempDir();
    const before = createHarness({ storage: await lowdbStorage(dir) });
    const asked = last(await before.say('刷卡的钱没到账'));
    expect(zhCN.ask.time.some((t) => asked.startsWith(t))).toBe(true);

    const after = createHarness({ storage: await lowdbStorage(dir) });
    const replies = await after.say('昨天下午3点');
    expect(replies.join('\n')).toContain(KNOWLEDGE.causes.find((c) => c.id === 'settlement_delay')!.title.zh);
  });

  it('does not lose an update when two turns of one conversation overlap', async () => {
    const bot = createHarness({ storage: await lowdbStorage() });
    await bot.say('刷卡的钱没到账');
    await Promise.all([bot.say('昨天下午3点'), bot.say('金额2000')]);
    const state = JSON.stringify(await bot.storedState());
    expect(state).toContain('昨天下午3点');
    expect(state).toContain('金额2000');
  });
});
