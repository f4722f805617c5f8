// Formatting per UI language with Intl.
import {describe, expect, it} from 'vitest';

import {formatDate, formatDateTime, formatMoney, formatNumber, fromLocalInput, minorDigits, setDisplayTimeZone, toLocalInput,} from './format';

describe('format', () => {
  it('formats numbers with each language’s separators', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'nl')).toBe('1.234.567,5');
  });

  it('formats money from minor units', () => {
    expect(minorDigits('THB')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney(123450, 'THB', 'th')).toBe('฿1,234.50');
    // Intl puts a no-break space between the sign and the amount.
    expect(formatMoney(123450, 'EUR', 'nl')).toBe('€\u00a01.234,50');
    expect(formatMoney(1200, 'JPY', 'en')).toBe('¥1,200');
  });

  it('formats a calendar date as that day in every language', () => {
    expect(formatDate('2026-03-05', 'en')).toBe('Mar 5, 2026');
    expect(formatDate('2026-03-05', 'zh-Hant')).toBe('2026年3月5日');
    // Thai dates count years in the Buddhist Era by default: 2026 is 2569.
    expect(formatDate('2026-03-05', 'th')).toContain('2569');
    expect(formatDate('2026-03-05', 'th')).toContain('มี.ค.');
  });

  it('formats instants in the language with a time', () => {
    const text = formatDateTime('2026-03-05T14:07:00Z', 'nl');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/mrt/);
    expect(formatDateTime(null, 'en')).toBe('');
  });

  it('round-trips a datetime-local value through UTC', () => {
    const iso = '2026-03-05T14:07:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
  });

  it('shows and reads instants in the user’s time zone', () => {
    try {
      setDisplayTimeZone('Asia/Bangkok');
      expect(formatDateTime('2026-03-05T14:07:00Z', 'en')).toBe('Mar 5, 2026, 9:07 PM');
      expect(toLocalInput('2026-03-05T14:07:00Z')).toBe('2026-03-05T21:07');
      expect(fromLocalInput('2026-03-05T21:07')).toBe('2026-03-05T14:07:00.000Z');
      // Across a daylight-saving change: 9:30 in Amsterdam is UTC+1 in March before the 29th, +2
      // after.
      setDisplayTimeZone('Europe/Amsterdam');
      expect(fromLocalInput('2026-03-28T09:30')).toBe('2026-03-28T08:30:00.000Z');
      expect(fromLocalInput('2026-03-30T09:30')).toBe('2026-03-30T07:30:00.000Z');
      setDisplayTimeZone('Not/AZone');
      expect(toLocalInput('2026-03-05T14:07:00Z')).toBe(toLocalInput('2026-03-05T14:07:00.000Z'));
    } finally {
      setDisplayTimeZone(null);
    }
  });
});
