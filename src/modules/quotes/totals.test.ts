import { describe, expect, it } from 'vitest';
import { divideRounded, formatScaled, lineAmounts, parseScaled, quoteTotals } from './totals';

describe('divideRounded', () => {
  it('rounds half away from zero', () => {
    expect(divideRounded(5n, 10n)).toBe(1n);
    expect(divideRounded(4n, 10n)).toBe(0n);
    expect(divideRounded(15n, 10n)).toBe(2n);
    expect(divideRounded(25n, 10n)).toBe(3n);
    expect(divideRounded(-5n, 10n)).toBe(-1n);
    expect(divideRounded(-25n, 10n)).toBe(-3n);
    expect(divideRounded(-24n, 10n)).toBe(-2n);
    expect(divideRounded(0n, 7n)).toBe(0n);
  });
  it('refuses a zero denominator', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});

describe('lineAmounts', () => {
  it('computes a plain line: 2 × 150.00 TRY at 20% VAT', () => {
    expect(lineAmounts({ quantityMilli: 2000, unitPriceMinor: 15000, discountBp: 0, vatRateBp: 2000 })).toEqual({
      lineSubtotalMinor: 30000,
      lineDiscountMinor: 0,
      lineVatMinor: 6000,
      lineTotalMinor: 36000,
    });
  });
  it('rounds VAT per line, half away from zero: 0.025 at 20% is 0.005 → 0.01', () => {
    // 1 × 0.025 does not exist in minor units; 0.05 × 0.5 quantity = 2.5 kuruş → 3.
    const a = lineAmounts({ quantityMilli: 500, unitPriceMinor: 5, discountBp: 0, vatRateBp: 2000 });
    expect(a.lineSubtotalMinor).toBe(3);
    expect(a.lineVatMinor).toBe(1); // 0.6 → 1
  });
  it('applies the discount before VAT, each rounded', () => {
    // 3 × 33.33 = 99.99; 12.5% discount = 12.49875 → 12.50; net 87.49; 18% VAT = 15.7482 → 15.75
    const a = lineAmounts({ quantityMilli: 3000, unitPriceMinor: 3333, discountBp: 1250, vatRateBp: 1800 });
    expect(a).toEqual({ lineSubtotalMinor: 9999, lineDiscountMinor: 1250, lineVatMinor: 1575, lineTotalMinor: 10324 });
  });
  it('handles fractional quantities: 1.5 kg at 0.99', () => {
    // 148.5 → 149 (half away from zero), VAT 1% = 1.49 → 1
    const a = lineAmounts({ quantityMilli: 1500, unitPriceMinor: 99, discountBp: 0, vatRateBp: 100 });
    expect(a.lineSubtotalMinor).toBe(149);
    expect(a.lineVatMinor).toBe(1);
  });
  it('a 100% discount leaves nothing to tax; zero VAT stays zero', () => {
    expect(lineAmounts({ quantityMilli: 1000, unitPriceMinor: 12345, discountBp: 10000, vatRateBp: 2000 }).lineTotalMinor).toBe(0);
    expect(lineAmounts({ quantityMilli: 1000, unitPriceMinor: 12345, discountBp: 0, vatRateBp: 0 }).lineVatMinor).toBe(0);
  });
  it('stays exact on amounts that overflow a double product', () => {
    // 1,000,000 units × 90,071,992,547.40 would lose cents in floating point.
    const a = lineAmounts({ quantityMilli: 1_000_000, unitPriceMinor: 9_007_199_254, discountBp: 0, vatRateBp: 0 });
    expect(a.lineSubtotalMinor).toBe(9_007_199_254_000);
    expect(() => lineAmounts({ quantityMilli: 1_000_000_000, unitPriceMinor: 9_007_199_254_740, discountBp: 0, vatRateBp: 0 })).toThrow(RangeError);
  });
});

describe('quoteTotals', () => {
  it('sums rounded lines, not the rounding of sums', () => {
    const line = { quantityMilli: 1000, unitPriceMinor: 3, discountBp: 0, vatRateBp: 1800 }; // VAT 0.54 → 1 each
    expect(quoteTotals([line, line, line])).toEqual({ subtotalMinor: 9, discountMinor: 0, vatMinor: 3, totalMinor: 12 });
  });
  it('is zero for no lines', () => {
    expect(quoteTotals([])).toEqual({ subtotalMinor: 0, discountMinor: 0, vatMinor: 0, totalMinor: 0 });
  });
});

describe('parseScaled / formatScaled', () => {
  it('reads Turkish and English decimals as text', () => {
    expect(parseScaled('1.234,56', 2)).toBe(123456);
    expect(parseScaled('1,234.56', 2)).toBe(123456);
    expect(parseScaled('12,5', 2)).toBe(1250);
    expect(parseScaled('0.1', 2)).toBe(10);
    expect(parseScaled('19.99', 2)).toBe(1999);
    expect(parseScaled('2', 3)).toBe(2000);
    expect(parseScaled('1,5', 3)).toBe(1500);
  });
  it('refuses junk and too many decimals', () => {
    expect(parseScaled('', 2)).toBeNull();
    expect(parseScaled('abc', 2)).toBeNull();
    expect(parseScaled('1.234', 2)).toBeNull();
    expect(parseScaled('1e5', 2)).toBeNull();
  });
  it('formats back', () => {
    expect(formatScaled(123456, 2)).toBe('1234.56');
    expect(formatScaled(1250, 2)).toBe('12.5');
    expect(formatScaled(5, 2)).toBe('0.05');
    expect(formatScaled(2000, 3)).toBe('2');
    expect(formatScaled(-150, 2)).toBe('-1.5');
  });
});
