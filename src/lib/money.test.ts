import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bpToPercent,
  divRoundHalfAwayFromZero,
  lineTotals,
  milliToDecimal,
  minorToDecimal,
  orderTotals,
  parseMoney,
  parseQuantity,
  parseVatRate,
} from './money';

describe('parseMoney', () => {
  it.each([
    ['12,34', 1234],
    ['12.34', 1234],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1 234,56', 123456],
    ['1.234.567,89', 123456789],
    ['1.234', 123400],
    ['1,234', 123400],
    ['12,5', 1250],
    ['0,29', 29],
    ['0.29', 29],
    ['150000', 15000000],
    ['₺1.234,50', 123450],
    ['1.234,50 TL', 123450],
    ['-5,00', -500],
    [',5', 50],
    ['7,', 700],
    ['0', 0],
    ['007,10', 710],
    ['1,50 ', 150],
  ])('%s → %d', (text, minor) => {
    expect(parseMoney(text)).toBe(minor);
  });

  it.each(['', ' ', 'abc', '1,2,3', '12,345,6', '1.2345', '1.23.45', '--1', '1e5', '12,345.678', '1..2', 'NaN', '9'.repeat(20)])(
    'refuses %j',
    (text) => {
      expect(parseMoney(text)).toBeNull();
    },
  );

  it('never goes through floating point: every amount with two decimals reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.constantFrom(',', '.'), (minor, sep) => {
        const text = minorToDecimal(minor).replace('.', sep);
        expect(parseMoney(text)).toBe(minor);
      }),
    );
  });

  it('reads Turkish grouping with two decimals for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (minor) => {
        const formatted = new Intl.NumberFormat('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
        // Intl formats through a float, which is exact for these sizes; the parser must not need to.
        expect(parseMoney(formatted)).toBe(minor);
      }),
    );
  });
});

describe('quantities and VAT rates', () => {
  it('parses quantities in thousandths', () => {
    expect(parseQuantity('1')).toBe(1000);
    expect(parseQuantity('1,5')).toBe(1500);
    expect(parseQuantity('0.125')).toBe(125);
    expect(parseQuantity('2,250')).toBe(2250);
    expect(parseQuantity('1.2345')).toBeNull();
    expect(parseQuantity('x')).toBeNull();
    expect(milliToDecimal(1500)).toBe('1.5');
    expect(milliToDecimal(2000)).toBe('2');
    expect(milliToDecimal(125)).toBe('0.125');
  });

  it('parses VAT rates in basis points', () => {
    expect(parseVatRate('20')).toBe(2000);
    expect(parseVatRate('%20')).toBe(2000);
    expect(parseVatRate('18,5')).toBe(1850);
    expect(parseVatRate('1')).toBe(100);
    expect(parseVatRate('0')).toBe(0);
    expect(bpToPercent(2000)).toBe('20');
    expect(bpToPercent(1850)).toBe('18.5');
  });
});

describe('rounding and totals', () => {
  it('rounds half away from zero', () => {
    expect(divRoundHalfAwayFromZero(15n, 10n)).toBe(2n);
    expect(divRoundHalfAwayFromZero(14n, 10n)).toBe(1n);
    expect(divRoundHalfAwayFromZero(-15n, 10n)).toBe(-2n);
    expect(divRoundHalfAwayFromZero(-14n, 10n)).toBe(-1n);
    expect(divRoundHalfAwayFromZero(25n, 10n)).toBe(3n);
    expect(divRoundHalfAwayFromZero(0n, 7n)).toBe(0n);
  });

  it('computes VAT per line, rounded, and totals as sums of lines', () => {
    // 3 × 0,99 = 2,97; 20% = 0,594 → 0,59
    expect(lineTotals({ quantityMilli: 3000, unitPriceMinor: 99, vatRateBp: 2000 })).toEqual({ lineSubtotalMinor: 297, lineVatMinor: 59 });
    // 0,25 with 10% VAT = 0,025, exactly half a kuruş → 0,03
    expect(lineTotals({ quantityMilli: 1000, unitPriceMinor: 25, vatRateBp: 1000 })).toEqual({ lineSubtotalMinor: 25, lineVatMinor: 3 });
    // 1,5 × 3,33 = 4,995 → 5,00
    expect(lineTotals({ quantityMilli: 1500, unitPriceMinor: 333, vatRateBp: 0 })).toEqual({ lineSubtotalMinor: 500, lineVatMinor: 0 });
    const order = orderTotals([
      { quantityMilli: 1000, unitPriceMinor: 15000000, vatRateBp: 2000 },
      { quantityMilli: 2000, unitPriceMinor: 1050, vatRateBp: 100 },
    ]);
    expect(order).toMatchObject({ subtotalMinor: 15002100, vatMinor: 3000021, totalMinor: 18002121 });
  });

  it('refuses totals a bigint column could hold but a JS number could not', () => {
    expect(() => lineTotals({ quantityMilli: 10 ** 12, unitPriceMinor: 10 ** 12, vatRateBp: 0 })).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats minor units in the reader’s locale without going through a float', async () => {
    const { formatMoney } = await import('./money');
    expect(formatMoney(123456, 'TRY', 'tr-TR')).toBe('₺1.234,56');
    expect(formatMoney(123456, 'EUR', 'en-GB')).toBe('€1,234.56');
    expect(formatMoney(9007199254740991, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });
});
