// `cli extract`: JSON lines {"text"} in, one extraction record per line out (a contract other tools read).
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { extractDetails } from '../core/nlu/extract-details.js';
import { toExtractionRecord } from '../core/nlu/extraction-record.js';
import { isValidTimeZone } from '../core/time/zoned-time.js';
import { mapJsonLines, textField } from './json-lines.js';
import { UsageError } from './usage-error.js';

export const EXTRACT_USAGE = 'extract --now <ISO-8601 with offset> --tz <IANA zone> [--currency CNY] < lines.jsonl';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export async function extractCommand(args: string[], io: { stdin: Readable; stdout: Writable; clock: () => Date }): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { now: { type: 'string' }, tz: { type: 'string', default: 'Asia/Shanghai' }, currency: { type: 'string', default: 'CNY' } },
    strict: true,
  });
  if (values.now !== undefined && !ISO_WITH_ZONE.test(values.now)) throw new UsageError(`--now must be ISO-8601 with an offset, e.g. 2026-11-26T10:00:00+08:00 (got "${values.now}")`);
  if (!isValidTimeZone(values.tz)) throw new UsageError(`--tz must be an IANA time zone such as Asia/Shanghai (got "${values.tz}")`);
  if (!/^[A-Z]{3}$/.test(values.currency)) throw new UsageError(`--currency must be an ISO-4217 code such as CNY (got "${values.currency}")`);
  const now = values.now === undefined ? io.clock() : new Date(values.now);
  const context = { now, timeZone: values.tz, defaultCurrency: values.currency };
  await mapJsonLines(io.stdin, io.stdout, (value) => toExtractionRecord(extractDetails(textField(value), context), values.tz));
  return 0;
}
