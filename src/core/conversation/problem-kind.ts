// Which kind of problem the merchant is describing: a payment that failed at the terminal, money that has not arrived, a double charge, a QR payment, a question.
import type { CauseClass } from '../knowledge/types.js';
import { normaliseText } from '../nlu/normalise-text.js';

/**
 * terminal: the payment failed at the counter (declines, terminal faults, keying mistakes) ·
 * not_arrived: the payment went through but the money has not reached the account, or less did ·
 * charged_twice: the customer was charged twice · qr: a QR-code payment · refund: giving money back
 * (a refund or void; the customer's card is not what fails) · question: asking how something works.
 * Settlement rules apply to not_arrived only; a QR payment has no card or receipt.
 */
export type ProblemKind = 'terminal' | 'not_arrived' | 'charged_twice' | 'qr' | 'refund' | 'question';

export const PROBLEM_KINDS: readonly ProblemKind[] = ['terminal', 'not_arrived', 'charged_twice', 'qr'];

const WORDS: readonly [ProblemKind, RegExp][] = [
  ['refund', /退款|退货|退不了|退钱给|撤销不了|撤销失败|refund|return (?:the|a) (?:sale|payment)|void (?:the|a) (?:sale|payment)|can'?t void/i],
  ['qr', /扫码|扫一扫|二维码|收款码|付款码|微信支付|微信付|支付宝|云闪付|音箱|聚合码|\b(?:qr|qr ?code|scan(?:ned|ning)?|wechat ?pay|wechat|alipay(?:hk)?|payme|octopus)\b/i],
  ['charged_twice', /扣了两次|扣两次|扣了2次|两次扣款|重复扣|重复交易|多扣了一笔|扣了两笔|刷了两次|刷了两遍|收了两次|charged (?:twice|two times|double)|double[- ]?charged?|duplicate (?:charge|transaction)|charged for (?:it )?twice|two (?:charges|debits)/i],
  ['not_arrived', /没到账|未到账|不到账|没有到账|钱没到|钱没来|没入账|未入账|没进账|未进账|没结算|没有结算|到账少|少到账|到账金额少|少了\d*|没收到钱|钱没收到|结算款|没打款|没出款|没拨款|没过数|到现在没到|还没到|一直没到|deposit|payout|pay-?out|settle(?:d|ment)?|takings|(?:not|haven'?t|hasn'?t|never) (?:in|reached|hit|arrived in|landed in) (?:my|the) (?:bank|account)|funds? (?:not|never|haven'?t|hasn'?t|on hold|held|delayed|missing)|money (?:hasn'?t|has not|didn'?t|never|not) (?:arrive|come|show|reach)|(?:hasn'?t|has not|haven'?t|not) (?:arrived|come through|been paid)/i],
  ['terminal', /显示|提示|报错|报了|跳出|屏幕|刷不了|刷不出|刷卡失败|交易失败|失败了|被拒|拒绝|不成功|没反应|刷不过|插卡|读卡|签到|打印|小票|没信号|连不上|死机|超时|逾时|declined?|decline code|error|failed|rejected|timed? ?out|won'?t (?:read|work|connect|print)|terminal (?:says|shows|showed)|screen (?:says|shows)|reader|card machine|eftpos|pos machine/i],
];

const BY_CLASS: Readonly<Record<CauseClass, ProblemKind>> = {
  decline: 'terminal',
  terminal: 'terminal',
  operator: 'terminal',
  settlement: 'not_arrived',
  qr: 'qr',
  info: 'question',
};

/** The kind the merchant's words name, or null when they name none. The first match in priority order wins: refund, QR, double charge, money not arrived, failed at the terminal. */
export function kindFromWords(text: string): ProblemKind | null {
  const t = normaliseText(text);
  return WORDS.find(([, pattern]) => pattern.test(t))?.[0] ?? null;
}

const OWN_KIND: Readonly<Record<string, ProblemKind>> = { duplicate_charge: 'charged_twice', refund_failed: 'refund', void_vs_refund_confusion: 'refund' };

/** The kind a cause belongs to (a double charge and refunds are their own kinds; other operator mistakes happen at the terminal). */
export function kindOfCause(cause: string, causeClass: CauseClass): ProblemKind {
  return OWN_KIND[cause] ?? BY_CLASS[causeClass];
}
