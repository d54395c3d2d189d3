// Reads receipt identifiers (RRN, trace, auth code, terminal id, merchant id, card last 4) and response codes.
import { overlapsAny as overlaps } from './normalise-text.js';
import type { ExpectedSlot, Identifiers, Reference, ReferenceKind, Span } from './types.js';

const SEP = String.raw`\s*(?:是|为|:|#|=|is|：)?\s*`;
const label = (words: string) => new RegExp(String.raw`(?:${words})${SEP}`, 'giy');

const RRN_LABEL = String.raw`系统参考号|检索参考号|参考号码|参考编号|参考号|参考|rrn|ref(?:erence)?\.?\s*(?:no\.?|number|num|#)?`;
const TRACE_LABEL = String.raw`凭证号码|凭证号|凭证|流水号|流水|查询号|小票号|票据号|trace\s*(?:no\.?|number|#)?|voucher\s*(?:no\.?|number|#)?|stan`;
const AUTH_LABEL = String.raw`授权码|授权号|auth(?:orization)?\s*(?:code|no\.?|number|#)?|approval\s*(?:code|no\.?)?|appr\s*code`;
const TERMINAL_LABEL = String.raw`终端号码|终端编号|终端号|终端|机器号|tid|terminal\s*(?:id|no\.?|number|#)?`;
const MERCHANT_LABEL = String.raw`商户号|商户编号|商户编码|mid|merchant\s*(?:id|no\.?|number|#)`;
const LAST4_LABEL = String.raw`卡尾号|尾号|卡号后四位|卡号后4位|后四位|后4位|末四位|末4位|last\s*(?:4|four)(?:\s*digits)?(?:\s*of\s*(?:the\s*)?card)?|ending(?:\s*in)?|ends(?:\s*(?:in|with))?`;
/** The order number on a customer's QR payment screen (WeChat 交易单号, Alipay 订单号): 10–40 letters and digits. */
const ORDER_LABEL = String.raw`交易单号|商户单号|支付单号|订单编号|订单号|交易号|流水单号|order\s*(?:no\.?|number|id|#)|transaction\s*(?:id|no\.?|number)`;

interface LabelledPattern {
  readonly field: 'rrn' | 'trace' | 'auth' | 'terminal' | 'merchant' | 'last4' | 'order';
  readonly label: string;
  readonly value: RegExp;
}

const LABELLED: readonly LabelledPattern[] = [
  { field: 'order', label: ORDER_LABEL, value: /[0-9A-Za-z]{10,40}(?![0-9A-Za-z])/y },
  { field: 'merchant', label: MERCHANT_LABEL, value: /[0-9A-Za-z]{15}(?![0-9A-Za-z])/y },
  { field: 'rrn', label: RRN_LABEL, value: /(?:[0-9A-Za-z] ?){11}[0-9A-Za-z](?![0-9A-Za-z])/y },
  { field: 'trace', label: TRACE_LABEL, value: /\d{6}(?!\d)/y },
  { field: 'auth', label: AUTH_LABEL, value: /[0-9A-Za-z]{6}(?![0-9A-Za-z])/y },
  { field: 'terminal', label: TERMINAL_LABEL, value: /[0-9A-Za-z]{8}(?![0-9A-Za-z])/y },
  { field: 'last4', label: LAST4_LABEL, value: /\d{4}(?!\d)/y },
];

const CODE_LABEL = new RegExp(
  String.raw`(?<![A-Za-z])(?:返回码|应答码|响应码|提示码|报错码|错误码|错误代码|故障码|代码|代号|码|response\s*code|decline\s*code|error\s*code|response|error|code|err|rc)\s*(?:是|为|:|#|=|is|：)?\s*["“'‘]?([0-9A-Za-z]{2})(?![0-9A-Za-z]|\.\d)`,
  'gid',
);
const CODE_AFTER_VERB = new RegExp(
  String.raw`(?:显示了?|提示了?|报错|报了?|出现了?|出了?|弹出|跳出|跳了?|回复|返回|shows?|showing|showed|displays?|displayed|says|said|got|gives?|gave|returns?|returned|declined?|with)\s*(?:an?\s+)?(?:错误|error|code)?\s*[:：(（]?\s*["“'‘]?([0-9A-Za-z]{2})(?![0-9A-Za-z]|[.,]\d)(?!\s*(?:元|块|圆|点|号|日|月|年|分|秒|笔|次|%|岁|个|张|天|小时|钟|多|左右|万|千|百|yuan|rmb|usd|dollars?|bucks|pm|am|times|:|mins?|minutes|hours?|days?))`,
  'gid',
);
/** A code right after the failure words a terminal shows: "余额不足 51", "请联系发卡方 01". */
const CODE_AFTER_SCREEN_TEXT = /(?:不足|错误|失败|拒绝|超时|无效|受限|超限|异常|发卡方|发卡行|签到|不符|重试|过期|挂失|insufficient funds|do not honou?r|declined|failed|failure|denied|rejected)\s*[-:–]?\s*["”'’]?\s*([0-9A-Z]{2})(?![0-9A-Za-z]|[.,]\d)(?!\s*(?:元|块|笔|次|个|张|天|号|日|点|分钟|小时|%|yuan|dollars?|minutes?|mins?|hours?|hrs?|days?|seconds?|secs?|ago|am|pm|:))/dgi;
/** A code standing alone after what the screen said: "pos提示终端未登记 97". */
const CODE_AFTER_SCREEN_MESSAGE = /(?:提示|显示|报错|出现|屏幕上?|shows?|says)[^\d\n]{1,16}?\s([0-9A-Z]{2})\s*[。.!！?？]?\s*$/dgi;
const CODE_IN_PARENS = /(?:declined?|denied|rejected|failed|拒绝|失败|错误|error)\s*[(（]\s*([0-9A-Za-z]{2})\s*[)）]/dgi;
const CODE_BEFORE_WORD = new RegExp(
  String.raw`(?<![0-9A-Za-z.,:\-*])(?<![$¥￥£€]\s*)([0-9A-Za-z]{2})\s*(?:错误|报错|错|是什么|什么意思|什么错|啥意思|是啥|啥错|怎么回事|怎么办|怎么解决|代表|error|declined?|means?)`,
  'gid',
);
const PHONE = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)|(?<![0-9A-Za-z])0\d{2,3}-\d{7,8}(?!\d)|(?<![0-9A-Za-z])\+?1?[ (]*\d{3}[) -]+\d{3}[ -]\d{4}(?!\d)/g;
const BARE_TWELVE = /(?<![0-9A-Za-z*.])\d{12}(?![0-9A-Za-z])/g;
/** A bare run of 20 to 40 digits: a QR payment's order number (WeChat's and Alipay's have 28 to 32); never a card number (at most 19). */
const BARE_ORDER = /(?<![0-9A-Za-z*.])\d{20,40}(?![0-9A-Za-z])/g;
const BARE_SIX = /(?<![0-9A-Za-z*.:\-/])\d{6}(?![0-9A-Za-z:])/g;
const MASKED_CARD = /\*{2,}(\d{4})(?!\d)/g;

const REFERENCE_ORDER: readonly ReferenceKind[] = ['rrn', 'trace', 'auth'];

interface Found {
  rrn?: string;
  trace?: string;
  auth?: string;
  terminal?: string;
  merchant?: string;
  last4?: string;
  order?: string;
  code?: string;
}

/** A response code has a digit; T0/T1/D0/D1 are settlement modes, never codes. */
function isCode(candidate: string): boolean {
  return /\d/.test(candidate) && !/^[TD][01]$/i.test(candidate);
}

/**
 * Finds identifiers by their labels (参考号, 凭证号, 授权码, 终端号, 商户号, 尾号, code ...). Unlabelled
 * numbers are read only as: a bare 12-digit number → RRN; with `expecting`, a bare value of that slot's
 * shape. Phone numbers are recorded as spans and never read as anything. `text` must already be redacted.
 */
export function extractIdentifiers(text: string, expecting?: ExpectedSlot): Identifiers {
  const spans: Span[] = [];
  const found: Found = {};

  for (const pattern of LABELLED) {
    const labelRe = label(pattern.label);
    for (let i = 0; i < text.length; i += 1) {
      if (overlaps(i, i + 1, spans)) continue;
      labelRe.lastIndex = i;
      const head = labelRe.exec(text);
      if (!head) continue;
      // Labels must not start inside a word ("mid" in "midnight", "tid" in "stid").
      if (/[A-Za-z]/.test(head[0][0] ?? '') && /[A-Za-z]/.test(text[i - 1] ?? '')) continue;
      const valueStart = i + head[0].length;
      pattern.value.lastIndex = valueStart;
      const value = pattern.value.exec(text);
      if (!value || overlaps(valueStart, valueStart + value[0].length, spans)) continue;
      const cleaned = value[0].replace(/ /g, '').toUpperCase();
      if (pattern.field === 'rrn' && !/\d/.test(cleaned)) continue;
      if (pattern.field === 'auth' && !/\d/.test(cleaned)) continue;
      if ((pattern.field === 'terminal' || pattern.field === 'order') && !/\d/.test(cleaned)) continue;
      if (found[pattern.field] === undefined) found[pattern.field] = cleaned;
      spans.push({ start: i, end: valueStart + value[0].length });
      i = valueStart + value[0].length - 1;
    }
  }

  for (const m of text.matchAll(MASKED_CARD)) {
    found.last4 ??= m[1];
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(PHONE)) {
    if (!overlaps(m.index, m.index + m[0].length, spans)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const pattern of [CODE_LABEL, CODE_IN_PARENS, CODE_AFTER_VERB, CODE_AFTER_SCREEN_TEXT, CODE_BEFORE_WORD, CODE_AFTER_SCREEN_MESSAGE]) {
    if (found.code !== undefined) break;
    for (const m of text.matchAll(pattern)) {
      const code = m[1] ?? '';
      const start = m.indices?.[1]?.[0] ?? m.index;
      if (!isCode(code) || overlaps(start, start + 2, spans)) continue;
      found.code = code.toUpperCase();
      spans.push({ start, end: start + 2 });
      break;
    }
  }
  for (const m of text.matchAll(BARE_ORDER)) {
    if (overlaps(m.index, m.index + m[0].length, spans)) continue;
    found.order ??= m[0];
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(BARE_TWELVE)) {
    if (overlaps(m.index, m.index + 12, spans)) continue;
    found.rrn ??= m[0];
    spans.push({ start: m.index, end: m.index + 12 });
  }

  let unlabelledSixDigits: string | null = null;
  for (const m of text.matchAll(BARE_SIX)) {
    if (overlaps(m.index, m.index + 6, spans)) continue;
    unlabelledSixDigits ??= m[0];
  }

  const bare = text.trim();
  // A message that is nothing but a code ("97", "A0") when no slot is being asked for.
  if (expecting === undefined && found.code === undefined && /^[0-9A-Za-z]{2}$/.test(bare) && isCode(bare)) {
    found.code = bare.toUpperCase();
    spans.push({ start: 0, end: text.length });
  }
  if (expecting === 'reference') {
    if (/^[0-9A-Za-z]{12}$/.test(bare) && /\d/.test(bare)) found.rrn ??= bare.toUpperCase();
    else if (/^\d{6}$/.test(bare)) found.trace ??= bare;
    else if (/^[0-9A-Za-z]{6}$/.test(bare) && /\d/.test(bare) && /[A-Za-z]/.test(bare)) found.auth ??= bare.toUpperCase();
  } else if (expecting === 'terminalId' && /^[0-9A-Za-z]{8}$/.test(bare) && /\d/.test(bare)) {
    found.terminal ??= bare.toUpperCase();
  } else if (expecting === 'cardLast4' && /^\d{4}$/.test(bare)) {
    found.last4 ??= bare;
  }
  if (expecting !== undefined && bare.length > 0 && found.rrn === bare.toUpperCase()) spans.push({ start: 0, end: text.length });

  const references: Reference[] = [];
  for (const kind of REFERENCE_ORDER) {
    const value = found[kind];
    if (value !== undefined) references.push({ kind, value });
  }
  return {
    references,
    terminalId: found.terminal ?? null,
    merchantId: found.merchant ?? null,
    responseCode: found.code ?? null,
    cardLast4: found.last4 ?? null,
    orderNumber: found.order ?? null,
    unlabelledSixDigits: references.some((r) => r.value === unlabelledSixDigits) ? null : unlabelledSixDigits,
    spans,
  };
}
