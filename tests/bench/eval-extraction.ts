// `npm run eval:nlu`: per-field extraction accuracy on the development table and the held-out set, as JSON.
import { extractRecord, fieldMatches, FIELDS, loadCases } from '../support/extraction-fixtures.js';

function accuracy(file: string) {
  const cases = loadCases(file);
  const fields = Object.fromEntries(
    FIELDS.map((field) => {
      const right = cases.filter((c) => fieldMatches(field, extractRecord(c), c.expect)).length;
      return [field, { right, of: cases.length, accuracy: Math.round((right / cases.length) * 1000) / 10 }];
    }),
  );
  return { cases: cases.length, fields };
}

console.log(
  JSON.stringify(
    {
      dev: accuracy('extraction-dev.jsonl'),
      dev2: accuracy('extraction-dev2.jsonl'),
      dev3: accuracy('extraction-dev3.jsonl'),
      heldout: accuracy('extraction-heldout.jsonl'),
    },
    null,
    2,
  ),
);
