// The development tables: every case of tests/fixtures/extraction-dev*.jsonl, field by field.
import { describe, expect, it } from 'vitest';
import { extractRecord, FIELDS, loadCases } from '../../support/extraction-fixtures.js';

const cases = [...loadCases('extraction-dev.jsonl'), ...loadCases('extraction-dev2.jsonl'), ...loadCases('extraction-dev3.jsonl')];

describe('extraction development table', () => {
  it('has at least 100 cases in Chinese and English', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => /[\u4e00-\u9fff]/.test(c.text)).length).toBeGreaterThan(40);
    expect(cases.filter((c) => !/[\u4e00-\u9fff]/.test(c.text)).length).toBeGreaterThan(40);
  });

  it.each(cases.map((c) => [c.text, c] as const))('reads %s', (_text, c) => {
    const record = extractRecord(c);
    for (const field of FIELDS) {
      if (field === 'time' && record.time && c.expect.time) {
        expect({ start: Date.parse(record.time.start), end: Date.parse(record.time.end) }).toEqual({
          start: Date.parse(c.expect.time.start),
          end: Date.parse(c.expect.time.end),
        });
      } else {
        expect(record[field], field).toEqual(c.expect[field]);
      }
    }
  });
});
