// Masks card data (full card numbers, PINs, CVVs, SMS codes, expiry dates) before anything else sees the text.

export interface Redaction {
  /** The text with card data masked; safe to store, log, classify and show. */
  readonly text: string;
  /** Last four digits of the first masked card number, if any. */
  readonly cardLast4: string | null;
  /** True when anything was masked: the bot then reminds the merchant never to send card data. */
  readonly masked: boolean;
}

const CARD_CANDIDATE = /(?<![0-9A-Za-z*])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z])/g;
const NOT_A_CARD_LABEL = /(商户号|商户编号|商户编码|参考号|订单号|单号|交易号|流水号|MID|merchant\s*(?:id|no\.?|number)|order\s*(?:id|no\.?|number))\s*[:：#是为]?\s*$/i;
const SECRET_AFTER_LABEL =
  /((?:cvv2?|cvc2?|cvn2?|cid|security\s*code|安全码|校验码|背面(?:的)?(?:三|3)位(?:数|数字)?)\s*(?:是|为|:|：|=|is)?\s*)(\d{3,4})(?!\d)|((?:pin|密码|验证码|校验码|otp|sms\s*code|verification\s*code)\s*(?:码)?\s*(?:是|为|:|：|=|is)?\s*)(\d{4,8})(?!\d)|((?:有效期|exp(?:iry|\.)?(?:\s*date)?|valid\s*thru)\s*(?:是|为|:|：|=|is)?\s*)(\d{2}\s*\/\s*\d{2,4})/gi;

/** Luhn checksum over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Masks every Luhn-valid 13–19-digit number (spaces or dashes allowed) to `****` + its last 4, and
 * masks the digits after PIN / CVV / SMS-code / expiry labels with `*`. Numbers labelled as merchant
 * ids, references or order numbers are left alone. The one place card data is removed: callers pass
 * only its output on.
 */
export function redactCardData(input: string): Redaction {
  let cardLast4: string | null = null;
  let masked = false;
  let text = input.replace(CARD_CANDIDATE, (match, offset: number) => {
    const digits = match.replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19 || !passesLuhn(digits)) return match;
    if (NOT_A_CARD_LABEL.test(input.slice(Math.max(0, offset - 24), offset))) return match;
    masked = true;
    const last4 = digits.slice(-4);
    cardLast4 ??= last4;
    return `****${last4}`;
  });
  text = text.replace(SECRET_AFTER_LABEL, (match, l1?: string, d1?: string, l2?: string, d2?: string, l3?: string, d3?: string) => {
    masked = true;
    const label = l1 ?? l2 ?? l3 ?? '';
    const secret = d1 ?? d2 ?? d3 ?? '';
    return label + secret.replace(/\d/g, '*');
  });
  return { text, cardLast4, masked };
}

/**
 * Masks card data in the fields of an incoming activity that carry the merchant's words (`text`, and
 * `value` when it is a string). Returns a masked copy; the caller's object is not changed.
 */
export function redactMessageFields<T extends { text?: unknown; value?: unknown }>(activity: T): { activity: T; masked: boolean } {
  let masked = false;
  const copy = { ...activity };
  if (typeof copy.text === 'string') {
    const r = redactCardData(copy.text);
    copy.text = r.text;
    masked = r.masked;
  }
  if (typeof copy.value === 'string') {
    const r = redactCardData(copy.value);
    copy.value = r.text;
    masked ||= r.masked;
  }
  return { activity: copy, masked };
}
