// Card data never gets past redaction: full card numbers, PINs, CVVs, SMS codes and expiry dates.
import { describe, expect, it } from 'vitest';
import { passesLuhn, redactCardData } from '../../../src/core/nlu/redact-card-data.js';

describe('redactCardData', () => {
  it.each([
    ['卡号6222021234567890128刷不了', '卡号****0128刷不了', '0128'],
    ['card 4111 1111 1111 1111 declined', 'card ****1111 declined', '1111'],
    ['5555-5555-5555-4444 was charged twice', '****4444 was charged twice', '4444'],
    ['客人卡号 6228 4804 0256 4890 018 显示51', '客人卡号 ****0018 显示51', '0018'],
  ])('masks the card number in %s to its last four', (input, masked, last4) => {
    const result = redactCardData(input);
    expect(result.text).toBe(masked);
    expect(result.cardLast4).toBe(last4);
    expect(result.masked).toBe(true);
  });

  it.each([
    ['密码是123456 输了三次', '密码是****** 输了三次'],
    ['cvv 123', 'cvv ***'],
    ['背面三位数是 456', '背面三位数是 ***'],
    ['验证码：884213', '验证码：******'],
    ['PIN 1234 wrong', 'PIN **** wrong'],
    ['有效期 09/28', '有效期 **/**'],
  ])('masks the secret in %s', (input, masked) => {
    expect(redactCardData(input).text).toBe(masked);
  });

  it.each([
    ['参考号123456789012', 'a 12-digit reference is too short to be a card'],
    ['商户号 822100058120123 无效商户', 'a labelled merchant id'],
    ['4111 1111 1111 1112 is not luhn valid', 'a number failing the Luhn check'],
    ['电话13812345678', 'a phone number'],
    ['20261125143210 那笔', 'a compact timestamp that fails Luhn'],
  ])('leaves %s alone (%s)', (input) => {
    const result = redactCardData(input);
    expect(result.text).toBe(input);
    expect(result.masked).toBe(false);
  });

  it('checks Luhn on known test numbers', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('6222021234567890128')).toBe(true);
  });
});
