// Loads the extraction fixture files and scores an extractor's records against them, field by field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/shared/project-root.js';
import { extractDetails } from '../../src/core/nlu/extract-details.js';
import { toExtractionRecord, type ExtractionRecord } from '../../src/core/nlu/extraction-record.js';

export type ExpectedRecord = Omit<ExtractionRecord, 'redacted'>;

export interface ExtractionCase {
  readonly text: string;
  readonly now: string;
  readonly tz: string;
  readonly expect: ExpectedRecord;
  readonly note?: string;
}

export const FIELDS = ['time', 'amount', 'reference', 'terminalId', 'responseCode'] as const;
export type Field = (typeof FIELDS)[number];

export function loadCases(name: string): ExtractionCase[] {
  const path = join(projectRoot(), 'tests', 'fixtures', name);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as ExtractionCase);
}

/** Runs the real extractor the way `cli extract` does. */
export function extractRecord(c: ExtractionCase): ExtractionRecord {
  const details = extractDetails(c.text, { now: new Date(c.now), timeZone: c.tz, defaultCurrency: 'CNY' });
  return toExtractionRecord(details, c.tz);
}

const sameInstant = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();

/** Field equality: times as instants, everything else as JSON values. */
export function fieldMatches(field: Field, actual: ExtractionRecord, expected: ExpectedRecord): boolean {
  if (field === 'time') {
    const a = actual.time;
    const e = expected.time;
    if (a === null || e === null) return a === e;
    return sameInstant(a.start, e.start) && sameInstant(a.end, e.end);
  }
  return JSON.stringify(actual[field]) === JSON.stringify(expected[field]);
}
