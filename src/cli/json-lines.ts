// Reads JSON lines from a stream and writes one JSON line per input, keeping going past bad lines.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * Calls `handle` for each non-blank line of `input` parsed as JSON and writes its result as one line.
 * A line that is not JSON, or that `handle` rejects by throwing, gets `{"error": "..."}` in its place.
 */
export async function mapJsonLines(input: Readable, output: Writable, handle: (value: unknown) => unknown): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim().length === 0) continue;
    let result: unknown;
    try {
      result = handle(JSON.parse(line) as unknown);
    } catch (error) {
      result = { error: error instanceof SyntaxError ? `not valid JSON: ${error.message}` : (error as Error).message };
    }
    if (!output.write(`${JSON.stringify(result)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
}

/** Reads the `text` field of a JSON-lines input record, or throws a message naming what is wrong. */
export function textField(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('each line must be a JSON object like {"text": "..."}');
  const text = (value as { text?: unknown }).text;
  if (typeof text !== 'string') throw new Error('"text" must be a string');
  return text;
}
