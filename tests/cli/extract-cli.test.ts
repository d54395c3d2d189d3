// `npm run -s cli -- extract` as other tools call it: a real process, JSON lines on stdin and stdout.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));

function runCli(args: string[], input: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { status: result.status, lines: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
}

describe('cli extract', () => {
  it('writes one record per input line, in order, with offsets on times', () => {
    const input = [
      JSON.stringify({ text: '昨晚八点多刷了3千 参考号123456789012 钱没到' }),
      JSON.stringify({ text: 'declined with code 05, $86.40, TID 8B21X004, auth a1b2c3' }),
    ].join('\n');
    const { status, lines } = runCli(['extract', '--now', '2026-11-26T10:00:00+08:00', '--tz', 'Asia/Shanghai'], input);
    expect(status).toBe(0);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      {
        time: { start: '2026-11-25T20:00:00+08:00', end: '2026-11-25T20:59:59+08:00' },
        amount: { value: 3000, currency: 'CNY' },
        reference: { kind: 'rrn', value: '123456789012' },
        terminalId: null,
        responseCode: null,
        redacted: '昨晚八点多刷了3千 参考号123456789012 钱没到',
      },
      {
        time: null,
        amount: { value: 86.4, currency: 'USD' },
        reference: { kind: 'auth', value: 'A1B2C3' },
        terminalId: '8B21X004',
        responseCode: '05',
        redacted: 'declined with code 05, $86.40, TID 8B21X004, auth a1b2c3',
      },
    ]);
  });

  it('answers a malformed line with an error line and goes on', () => {
    const { status, lines } = runCli(['extract', '--now', '2026-11-26T10:00:00+08:00', '--tz', 'Asia/Shanghai'], '{"text": 1}\nnot json\n["x"]\n{"text":"3千"}\n');
    expect(status).toBe(0);
    expect(lines).toHaveLength(4);
    expect(lines.slice(0, 3).map((l) => Object.keys(JSON.parse(l)))).toEqual([['error'], ['error'], ['error']]);
    expect(JSON.parse(lines[3]!).amount).toEqual({ value: 3000, currency: 'CNY' });
  });

  it('masks card numbers in the redacted text', () => {
    const { lines } = runCli(['extract', '--now', '2026-11-26T10:00:00+08:00', '--tz', 'Asia/Shanghai'], '{"text":"卡号 4111-1111-1111-1111 刷不了"}\n');
    const record = JSON.parse(lines[0]!);
    expect(record.redacted).toBe('卡号 ****1111 刷不了');
    expect(record.reference).toBeNull();
  });

  it('uses the zone given for offsets and relative dates', () => {
    const { lines } = runCli(['extract', '--now', '2026-11-26T10:00:00-05:00', '--tz', 'America/New_York'], '{"text":"yesterday at 3pm"}\n');
    expect(JSON.parse(lines[0]!).time).toEqual({ start: '2026-11-25T15:00:00-05:00', end: '2026-11-25T15:00:00-05:00' });
  });

  it.each([
    [['extract', '--now', 'yesterday', '--tz', 'Asia/Shanghai'], /--now must be ISO-8601/],
    [['extract', '--now', '2026-11-26T10:00:00+08:00', '--tz', 'Nowhere/Land'], /--tz must be an IANA time zone/],
    [['extract', '--bogus'], /Unknown option/],
    [['frobnicate'], /unknown command/],
  ])('rejects bad arguments %j with exit code 2', (args, message) => {
    const { status, stderr } = runCli(args, '');
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('cli extract and the server time zone', () => {
  it('gives the same answer whatever zone the process runs in', () => {
    const input = '{"text":"昨天晚上11点半 刚过零点那会儿 前天下午三点"}\n{"text":"yesterday at 11:30pm"}\n';
    const args = [CLI, 'extract', '--now', '2026-11-26T00:30:00+08:00', '--tz', 'Asia/Shanghai'];
    const outputs = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'].map(
      (tz) => spawnSync(process.execPath, args, { input, encoding: 'utf8', env: { ...process.env, TZ: tz } }).stdout,
    );
    expect(outputs[0]).toBe(outputs[1]);
    expect(outputs[1]).toBe(outputs[2]);
    expect(JSON.parse(outputs[0]!.split('\n')[1]!).time.start).toBe('2026-11-25T23:30:00+08:00');
  });
});
