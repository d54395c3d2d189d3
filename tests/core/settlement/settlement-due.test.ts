// When money is due: T+1 over weekends and statutory holidays, the 23:00 cut-off, D0 windows, D+1.
import { describe, expect, it } from 'vitest';
import { chineseWorkingDays } from '../../../src/calendar/chinese-working-days.js';
import { settlementDue } from '../../../src/core/settlement/settlement-due.js';
import { settlementFinding } from '../../../src/core/settlement/settlement-finding.js';
import { toZonedIso } from '../../../src/core/time/zoned-time.js';
import { join } from 'node:path';
import { weekendDays } from '../../../src/calendar/weekend-days.js';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.js';
import { projectRoot } from '../../../src/shared/project-root.js';
import { KNOWLEDGE } from '../../support/bot-harness.js';

const TZ = 'Asia/Shanghai';
const due = (trade: string, mode: string) => settlementDue(new Date(trade), mode, KNOWLEDGE.settlement, TZ, chineseWorkingDays);
const dueIso = (trade: string, mode: string) => toZonedIso(due(trade, mode).dueBy, TZ);

describe('settlementDue', () => {
  it.each([
    ['a Wednesday trade under T+1 is due Thursday 14:00', '2026-11-25T15:00:00+08:00', 'T1', '2026-11-26T14:00:00+08:00'],
    ['a Friday trade under T+1 waits for Monday', '2026-11-20T15:00:00+08:00', 'T1', '2026-11-23T14:00:00+08:00'],
    ['a Saturday trade under T+1 is due Monday', '2026-11-21T15:00:00+08:00', 'T1', '2026-11-23T14:00:00+08:00'],
    ['a trade after 23:00 counts as the next day', '2026-11-25T23:30:00+08:00', 'T1', '2026-11-27T14:00:00+08:00'],
    ['National Day: a 1 October trade waits for 8 October', '2026-10-01T15:00:00+08:00', 'T1', '2026-10-08T14:00:00+08:00'],
    ['the make-up working Saturday 10 October counts as a working day', '2026-10-09T15:00:00+08:00', 'T1', '2026-10-10T14:00:00+08:00'],
    ['D+1 counts calendar days, weekends included', '2026-11-20T15:00:00+08:00', 'D1', '2026-11-21T23:59:59+08:00'],
    ['D0 inside its window pays at once', '2026-11-21T15:00:00+08:00', 'D0', '2026-11-21T15:00:00+08:00'],
    ['D0 outside its window falls back to T+1', '2026-11-21T07:30:00+08:00', 'D0', '2026-11-23T14:00:00+08:00'],
  ])('%s', (_name, trade, mode, expected) => {
    expect(dueIso(trade, mode)).toBe(expected);
  });

  it('reports the holidays it waited over, and whether the calendar knew the year', () => {
    const national = due('2026-10-01T15:00:00+08:00', 'T1');
    expect(national.skipped.some((s) => s.holiday?.includes('国庆'))).toBe(true);
    expect(national.calendarKnown).toBe(true);
    expect(due('2030-06-03T10:00:00+08:00', 'T1').calendarKnown).toBe(false);
  });
});

describe('settlementFinding', () => {
  it('names the cut-off as the cause when the trade was after 23:00 and the money is not due yet', () => {
    const finding = settlementFinding(due('2026-11-25T23:30:00+08:00', 'T1'), new Date('2026-11-26T10:00:00+08:00'), TZ);
    expect(finding).toMatchObject({ cause: 'cutoff_time', dueBy: '2026-11-27T14:00:00+08:00', mode: 'T1' });
  });

  it('names the holiday when the payout waits over one', () => {
    expect(settlementFinding(due('2026-10-01T15:00:00+08:00', 'T1'), new Date('2026-10-03T10:00:00+08:00'), TZ)?.cause).toBe('holiday_delay');
  });

  it('says plain settlement delay on an ordinary weekday', () => {
    expect(settlementFinding(due('2026-11-25T15:00:00+08:00', 'T1'), new Date('2026-11-26T10:00:00+08:00'), TZ)?.cause).toBe('settlement_delay');
  });

  it('finds nothing once the money is overdue (something else is wrong)', () => {
    expect(settlementFinding(due('2026-11-20T15:00:00+08:00', 'T1'), new Date('2026-11-26T10:00:00+08:00'), TZ)).toBeNull();
  });
});

describe('another market: knowledge/markets/us.yaml', async () => {
  const root = join(projectRoot(), 'knowledge');
  const us = (await loadKnowledge(root, join(root, 'markets', 'us.yaml'))).settlement;
  const NY = 'America/New_York';
  const usDue = (trade: string, mode: string) => settlementDue(new Date(trade), mode, us, NY, weekendDays(us.holidays));
  const usDueIso = (trade: string, mode: string) => toZonedIso(usDue(trade, mode).dueBy, NY);

  it('names its market and counts business days over weekends and bank holidays', () => {
    expect(us.market.id).toBe('US');
    expect(usDueIso('2026-11-20T12:00:00-05:00', 'T1')).toBe('2026-11-23T23:59:59-05:00');
    expect(usDueIso('2026-11-25T12:00:00-05:00', 'T1')).toBe('2026-11-27T23:59:59-05:00');
    expect(usDue('2026-11-25T12:00:00-05:00', 'T1').skipped.map((s) => s.holiday)).toContain('2026-11-26');
  });

  it('moves a trade after the 17:00 cut-off to the next day, and cautions for years its holiday list does not cover', () => {
    expect(usDueIso('2026-11-24T18:00:00-05:00', 'T1')).toBe('2026-11-27T23:59:59-05:00');
    expect(usDue('2026-11-24T12:00:00-05:00', 'T1').calendarKnown).toBe(true);
    expect(usDue('2029-03-06T12:00:00-05:00', 'T1').calendarKnown).toBe(false);
  });
});
