// Formats report fields for read-backs in either language, on the merchant's wall clock.
import { wallClockAt } from '../../src/core/time/zoned-time.js';
import type { TransactionReport } from '../../src/core/report/transaction-report.js';
import type { Locale } from './wording.js';

const pad = (n: number) => String(n).padStart(2, '0');
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "11月25日 20:00–21:00" / "25 Nov 20:00–21:00"; a point time has one clock; whole days show no clock. */
export function formatTimeRange(time: NonNullable<TransactionReport['time']>, timeZone: string, locale: Locale): string {
  const start = wallClockAt(new Date(time.start), timeZone);
  // Inclusive ends (20:59:59) read better as the next minute (21:00).
  const endInstant = new Date(time.end);
  const end = wallClockAt(endInstant.getUTCSeconds() === 59 ? new Date(endInstant.getTime() + 1000) : endInstant, timeZone);
  const date = (w: typeof start) => (locale === 'en-US' ? `${w.day} ${EN_MONTHS[w.month - 1]}` : `${w.month}月${w.day}日`);
  const clock = (w: typeof start) => `${pad(w.hour)}:${pad(w.minute)}`;
  if (time.precision === 'day' || time.precision === 'week') {
    const lastDay = wallClockAt(new Date(time.end), timeZone);
    const sameDay = lastDay.day === start.day && lastDay.month === start.month;
    return sameDay ? date(start) : `${date(start)}–${date(lastDay)}`;
  }
  if (time.start === time.end) return `${date(start)} ${clock(start)}`;
  const sameDay = start.day === end.day && start.month === end.month;
  return `${date(start)} ${clock(start)}–${sameDay ? '' : `${date(end)} `}${clock(end)}`;
}

/** One moment on the merchant's clock: "11月27日 14:00" / "27 Nov 14:00". */
export function formatMoment(at: Date, timeZone: string, locale: Locale): string {
  const w = wallClockAt(at, timeZone);
  const date = locale === 'en-US' ? `${w.day} ${EN_MONTHS[w.month - 1]}` : `${w.month}月${w.day}日`;
  return `${date} ${pad(w.hour)}:${pad(w.minute)}`;
}

const SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', USD: 'US$', HKD: 'HK$', EUR: '€', GBP: '£' };

/** "¥3,000.00", "¥3,000.00–4,000.00" for ranges, "US$45.20". */
export function formatAmount(amount: NonNullable<TransactionReport['amount']>): string {
  const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const symbol = SYMBOLS[amount.currency] ?? `${amount.currency} `;
  if (amount.min !== undefined && amount.max !== undefined) return `${symbol}${money(amount.min)}–${money(amount.max)}`;
  return `${symbol}${money(amount.value)}`;
}
