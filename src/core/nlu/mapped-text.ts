// Text rewritten by regex replacements that still knows, for every character, where it came from.

/** A rewritten text and, for each of its positions (and its end), the position in the original. */
export interface MappedText {
  readonly text: string;
  readonly origin: readonly number[];
}

export function unmapped(text: string): MappedText {
  return { text, origin: Array.from({ length: text.length + 1 }, (_, i) => i) };
}

/**
 * Like String.replace with a global regex and a replacement using `$1`..`$9`, keeping the position map
 * (replaced characters map to the match start).
 */
export function replaceMapped(input: MappedText, pattern: RegExp, replacement: string): MappedText {
  let text = '';
  const origin: number[] = [];
  let cursor = 0;
  for (const m of input.text.matchAll(pattern)) {
    text += input.text.slice(cursor, m.index);
    origin.push(...input.origin.slice(cursor, m.index));
    const replaced = replacement.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '');
    text += replaced;
    for (let i = 0; i < replaced.length; i += 1) origin.push(input.origin[m.index] ?? 0);
    cursor = m.index + m[0].length;
  }
  text += input.text.slice(cursor);
  origin.push(...input.origin.slice(cursor));
  return { text, origin };
}

/** The original span of a span in the rewritten text. */
export function originalSpan(mapped: MappedText, start: number, end: number): { start: number; end: number } {
  return { start: mapped.origin[start] ?? 0, end: mapped.origin[end] ?? mapped.origin[mapped.origin.length - 1] ?? 0 };
}
