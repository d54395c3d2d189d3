// Chinese numerals, plain and financial, with the place value that 多 adds to.
import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../../src/core/nlu/chinese-number.js';

describe('parseChineseNumber', () => {
  it.each([
    ['三千', 3000, 1000],
    ['两千八', 2800, 100],
    ['一千二百八十', 1280, 10],
    ['伍仟', 5000, 1000],
    ['壹万贰仟', 12000, 1000],
    ['一万二', 12000, 1000],
    ['三百五', 350, 10],
    ['十五', 15, 1],
    ['两千零八', 2008, 1],
    ['二十五万', 250000, 10000],
    ['五', 5, 1],
  ])('reads %s as %d', (text, value, lastUnit) => {
    expect(parseChineseNumber(text)).toEqual({ value, lastUnit });
  });

  it.each(['', '万', '三四', '千千', 'abc'])('refuses %s', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});
