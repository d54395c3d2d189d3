// `cli kb suggest`: candidate examples from the desk's resolved tickets, as JSON lines and as a readable summary.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTicket } from '../../src/core/tickets/open-ticket.js';
import type { Ticket } from '../../src/core/tickets/ticket.js';
import { claim, resolve, type Transition } from '../../src/core/tickets/ticket-transitions.js';
import { LowdbTicketStore } from '../../src/storage/lowdb-ticket-store.js';
import { tempDir } from '../support/bot-harness.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));
const AT = '2026-11-26T10:00:00+08:00';

function ok(transition: Transition): Ticket {
  if (transition.kind !== 'ok') throw new Error(transition.reason);
  return transition.ticket;
}

function ticket(id: string, words: string[], botCause: string | null, confirmed: string | null, resolved = true): Ticket {
  const opened = openTicket({
    id,
    now: AT,
    merchant: { id: 'm1' },
    report: { description: words, problem: words },
    diagnosis: botCause ? { cause: botCause, confidence: 0.5, evidence: [], suggestedSteps: [] } : null,
    link: { channel: 'directline', conversationId: id, reference: {} },
    locale: 'zh-CN',
    reason: 'test',
    transcript: [],
  });
  const claimed = ok(claim(opened, 'zhang', AT));
  return resolved ? ok(resolve(claimed, 'zhang', '已处理', confirmed, AT)) : claimed;
}

let dataDir: string;
beforeAll(async () => {
  dataDir = tempDir();
  const store = await new LowdbTicketStore(join(dataDir, 'tickets')).open();
  await store.create(ticket('T-20261126-0001', ['机器显示密码超限 顾客急着走'], 'wrong_pin', 'pin_tries_exceeded'));
  await store.create(ticket('T-20261126-0002', ['刷了三次都提示余额不足'], 'insufficient_funds', 'insufficient_funds'));
  await store.create(ticket('T-20261126-0003', ['结算卡换了以后钱就没到'], null, 'settlement_info_wrong'));
  await store.create(ticket('T-20261126-0004', ['还在处理的单子不该出现'], 'wrong_pin', null, false));
  await store.create(ticket('T-20261126-0005', ['没有确认原因的也不出现'], 'wrong_pin', null));
});

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, KNOWLEDGE_DIR, DATA_DIR: dataDir } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli kb suggest', () => {
  it('lists the merchant words of resolved tickets with the confirmed cause and what the bot had said, grouped by cause', () => {
    const { status, stdout } = runCli(['kb', 'suggest']);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { cause: 'insufficient_funds', text: '刷了三次都提示余额不足', lang: 'zh', ticket: 'T-20261126-0002', botCause: 'insufficient_funds', agreed: true },
      { cause: 'pin_tries_exceeded', text: '机器显示密码超限 顾客急着走', lang: 'zh', ticket: 'T-20261126-0001', botCause: 'wrong_pin', agreed: false },
      { cause: 'settlement_info_wrong', text: '结算卡换了以后钱就没到', lang: 'zh', ticket: 'T-20261126-0003', botCause: null, agreed: false },
    ]);
  });

  it('prints a readable summary with --text', () => {
    const { status, stdout } = runCli(['kb', 'suggest', '--text']);
    expect(status).toBe(0);
    expect(stdout).toContain('pin_tries_exceeded — 密码错误次数超限');
    expect(stdout).toContain('✗ 机器显示密码超限 顾客急着走   (T-20261126-0001; bot said wrong_pin)');
    expect(stdout).toMatch(/Review each line/);
  });

  it('refuses an unknown option with exit code 2', () => {
    expect(runCli(['kb', 'suggest', '--bogus']).status).toBe(2);
  });
});
