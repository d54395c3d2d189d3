// Length-preserving text clean-up shared by every extractor, so spans line up across them.

/**
 * Maps full-width ASCII (０-９, Ａ-Ｚ, ：, ＃ ...) and the ideographic space to their ASCII forms. Every
 * character maps to exactly one character, so offsets in the output are offsets in the input. The
 * full-width yuan sign ￥ is kept: it is what tells CNY from JPY.
 */
export function normaliseWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Replaces each span's characters with spaces (length kept), so later extractors skip them. */
export function blankSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  // Work in UTF-16 offsets: rebuild by slicing instead of indexing code points.
  let out = '';
  let cursor = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < cursor) continue;
    out += text.slice(cursor, span.start) + ' '.repeat(span.end - span.start);
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/** True when any span overlaps [start, end). */
export function overlapsAny(start: number, end: number, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => start < s.end && s.start < end);
}

export const CJK = /[\u3400-\u9fff]/;
export const LATIN_WORD = /[A-Za-z]{2,}/;
