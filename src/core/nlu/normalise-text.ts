// Length-preserving text clean-up shared by every extractor, so spans line up across them.

/** Traditional characters merchants in Hong Kong and Taiwan type, with their simplified forms (one to one). */
const TRADITIONAL = '顯示錯誤終號參賬帳碼證憑額餘這個時點幾晝碌結筆訊號機連線網絡據單補時間鐘萬塊錢還沒題問請聯繫發卡銀戶際認刪凍風險調審幣敗'
  .split('');
const SIMPLIFIED = '显示错误终号参账帐码证凭额余这个时点几昼碌结笔讯号机连线网络据单补时间钟万块钱还没题问请联系发卡银户际认删冻风险调审币败'
  .split('');
const TO_SIMPLIFIED = new Map(TRADITIONAL.map((ch, i) => [ch, SIMPLIFIED[i] ?? ch]));

/**
 * Maps full-width ASCII (０-９, Ａ-Ｚ, ：, ＃ ...) and the ideographic space to their ASCII forms, and
 * common traditional characters to simplified ones. Every character maps to exactly one character, so
 * offsets in the output are offsets in the input. The full-width yuan sign ￥ is kept: it is what tells
 * CNY from JPY.
 */
export function normaliseWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u3400-\u9fff]/g, (ch) => {
    if (ch === '\u3000') return ' ';
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return TO_SIMPLIFIED.get(ch) ?? ch;
  });
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
