import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyFitting, minorToInputText, parseMoneyText } from './money';

describe('money text', () => {
  it('reads Turkish and English writing into minor units without floats', () => {
    expect(parseMoneyText('12.500,50', 'TRY')).toBe(1250050);
    expect(parseMoneyText('12,500.50', 'USD')).toBe(1250050);
    expect(parseMoneyText('12.500', 'TRY')).toBe(1250000);
    expect(parseMoneyText('12,5', 'TRY')).toBe(1250);
    expect(parseMoneyText('0,10', 'TRY')).toBe(10);
    expect(parseMoneyText('1.234.567', 'TRY')).toBe(123456700);
    expect(parseMoneyText('₺ 150.000', 'TRY')).toBe(15000000);
    expect(parseMoneyText('1500', 'JPY')).toBe(1500);
    expect(parseMoneyText('', 'TRY')).toBeNull();
  });

  it('refuses what is not an amount', () => {
    expect(parseMoneyText('abc', 'TRY')).toBeNaN();
    expect(parseMoneyText('1,2,3.4.5', 'TRY')).toBeNaN();
    expect(parseMoneyText('-5', 'TRY')).toBeNaN();
    expect(parseMoneyText('1,234', 'JPY')).toBe(1234);
  });

  it('writes minor units back for inputs and display', () => {
    expect(minorToInputText(1250050, 'TRY', 'tr')).toBe('12500,50');
    expect(minorToInputText(1250000, 'TRY', 'en')).toBe('12500');
    expect(parseMoneyText(minorToInputText(5, 'TRY', 'tr'), 'TRY')).toBe(5);
    expect(formatMoney(1250050, 'TRY', 'tr')).toContain('12.500,50');
    expect(formatMoney(1250000, 'TRY', 'tr')).toBe('₺12.500');
  });

  it('writes board totals in full while they fit, compact beyond, with the full amount for the hover text', () => {
    expect(formatMoneyFitting(5_000_000, 'TRY', 'tr')).toEqual({ text: '₺50.000', full: '₺50.000', compact: false });
    expect(formatMoneyFitting(123_456_700, 'TRY', 'tr')).toEqual({ text: '₺1.234.567', full: '₺1.234.567', compact: false });
    const huge = formatMoneyFitting(1_234_567_890_00, 'TRY', 'tr');
    expect(huge.full).toBe('₺1.234.567.890');
    expect(huge.compact).toBe(true);
    expect(huge.text.length).toBeLessThan(huge.full.length);
    expect(formatMoneyFitting(5_000_000, 'TRY', 'en').text).not.toMatch(/K$/);
  });
});
