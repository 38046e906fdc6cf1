import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bpToPercent,
  divideHalfAwayFromZero,
  formatMoney,
  formatMoneyFitting,
  formatPercent,
  formatQuantity,
  isKnownCurrency,
  lineAmounts,
  milliToDecimal,
  minorDigits,
  minorToDecimal,
  minorToInputText,
  orderTotals,
  parseBasisPoints,
  parseMoney,
  parseQuantity,
  readMoney,
  weightedFromPercentSum,
  weightedMinor,
  CURRENCIES,
} from './money';

/** 10^12 minor units and more: past what a double holds with every unit at 10^-digits precision. */
const HUGE = 1_234_567_890_123_456; // < 2^53

describe('currency exponents', () => {
  it('knows TRY 2, EUR 2, JPY 0 and KWD 3, as Intl does', () => {
    expect([minorDigits('TRY'), minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 2, 0, 3]);
    for (const c of CURRENCIES) {
      expect(minorDigits(c), c).toBe(new Intl.NumberFormat('en', { style: 'currency', currency: c }).resolvedOptions().maximumFractionDigits);
    }
    expect(isKnownCurrency('KWD')).toBe(true);
    expect(minorDigits('kwd')).toBe(3);
  });
});

describe('parseMoney in Turkish', () => {
  it.each([
    ['12,34', 'TRY', 1234],
    ['1.234,56', 'TRY', 123456],
    ['1.234', 'TRY', 123400],
    ['1.234.567', 'TRY', 123456700],
    ['1 234,56', 'TRY', 123456],
    ['1,234.56', 'TRY', 123456],
    ['12.5', 'TRY', 1250],
    ['12,5', 'TRY', 1250],
    ['0,29', 'TRY', 29],
    ['₺1.234,50', 'TRY', 123450],
    ['1.234,50 TL', 'TRY', 123450],
    ['₺ 150.000', 'TRY', 15000000],
    ['-5,00', 'TRY', -500],
    [',5', 'TRY', 50],
    ['007,10', 'TRY', 710],
    ['12,34', 'EUR', 1234],
    ['€1.234,56', 'EUR', 123456],
    ['1.500', 'JPY', 1500],
    ['¥1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234000],
    ['1,234', 'KWD', 1234],
    ['1.234,567 KWD', 'KWD', 1234567],
  ])('%s %s → %d', (text, currency, minor) => {
    expect(parseMoney(text, currency, 'tr')).toBe(minor);
  });
});

describe('parseMoney in English', () => {
  it.each([
    ['1,234.56', 'TRY', 123456],
    ['1,234', 'TRY', 123400],
    ['12.34', 'TRY', 1234],
    ['1.234,56', 'TRY', 123456],
    ['€12.00', 'EUR', 1200],
    ['1,500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['KWD 1,234.567', 'KWD', 1234567],
    ['0.005', 'KWD', 5],
  ])('%s %s → %d', (text, currency, minor) => {
    expect(parseMoney(text, currency, 'en')).toBe(minor);
  });
});

describe('readMoney refusals', () => {
  it('says too many decimals for the currency instead of rounding', () => {
    expect(readMoney('1,234', 'TRY', 'tr')).toEqual({ ok: false, error: 'tooManyDecimals' });
    expect(readMoney('1.234', 'TRY', 'en')).toEqual({ ok: false, error: 'tooManyDecimals' });
    expect(readMoney('12.5', 'JPY', 'en')).toEqual({ ok: false, error: 'tooManyDecimals' });
    expect(readMoney('1.2345', 'KWD', 'en')).toEqual({ ok: false, error: 'tooManyDecimals' });
    // Trailing zeros add no precision: 1,230 lira is 1,23 lira.
    expect(readMoney('1,230', 'TRY', 'tr')).toEqual({ ok: true, minor: 123 });
  });

  it.each(['abc', '1,2,3', '12,345,6', '1.23.45', '--1', '1e5', '12,345.678.9', '1..2', 'NaN'])('refuses %j', (text) => {
    expect(readMoney(text, 'TRY', 'tr')).toEqual({ ok: false, error: 'invalid' });
  });

  it('tells empty from wrong and too large', () => {
    expect(readMoney('  ', 'TRY', 'tr')).toEqual({ ok: false, error: 'empty' });
    expect(readMoney('₺', 'TRY', 'tr')).toEqual({ ok: false, error: 'empty' });
    expect(readMoney('9'.repeat(20), 'TRY', 'tr')).toEqual({ ok: false, error: 'tooLarge' });
    // A half-typed currency code is no pattern to trip over.
    expect(readMoney('12', 'K(', 'en')).toEqual({ ok: true, minor: 1200 });
  });
});

describe('amounts of 10^12 minor units and more', () => {
  it('read, write and read back exactly in every currency and locale', () => {
    for (const currency of ['TRY', 'EUR', 'JPY', 'KWD']) {
      for (const locale of ['tr', 'en']) {
        expect(parseMoney(minorToInputText(HUGE, currency, locale), currency, locale), `${currency} ${locale}`).toBe(HUGE);
        expect(parseMoney(formatMoney(HUGE, currency, locale), currency, locale), `${currency} ${locale} formatted`).toBe(HUGE);
      }
    }
  });

  it('format every digit', () => {
    expect(formatMoney(HUGE, 'TRY', 'tr')).toBe('₺12.345.678.901.234,56');
    expect(formatMoney(HUGE, 'EUR', 'en')).toBe('€12,345,678,901,234.56');
    expect(formatMoney(HUGE, 'JPY', 'en')).toBe('¥1,234,567,890,123,456');
    expect(formatMoney(HUGE, 'KWD', 'en')).toBe('KWD\u00a01,234,567,890,123.456');
    expect(formatMoney(9007199254740991, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
    expect(minorToDecimal(HUGE, 'KWD')).toBe('1234567890123.456');
  });

  it('round-trip through text for any amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('TRY', 'EUR', 'JPY', 'KWD'), fc.constantFrom('tr', 'en'), (minor, currency, locale) => {
        expect(parseMoney(formatMoney(minor, currency, locale), currency, locale)).toBe(minor);
        expect(parseMoney(minorToInputText(minor, currency, locale), currency, locale)).toBe(minor);
      }),
    );
  });
});

describe('formatMoney', () => {
  it('writes each currency with its own decimals in the reader’s locale', () => {
    expect(formatMoney(123456, 'TRY', 'tr')).toBe('₺1.234,56');
    expect(formatMoney(123456, 'EUR', 'en-GB')).toBe('€1,234.56');
    expect(formatMoney(1500, 'JPY', 'tr')).toBe('¥1.500');
    expect(formatMoney(1234, 'KWD', 'en')).toBe('KWD\u00a01.234');
    expect(formatMoney(1234567, 'KWD', 'tr')).toBe('KWD\u00a01.234,567');
    expect(formatMoney(30000, 'TRY', 'tr')).toBe('₺300,00');
    expect(formatMoney(-150, 'EUR', 'en')).toBe('-€1.50');
  });

  it('leaves out zero decimals only when asked (boards and lists)', () => {
    expect(formatMoney(1250000, 'TRY', 'tr', { hideZeroFraction: true })).toBe('₺12.500');
    expect(formatMoney(1250050, 'TRY', 'tr', { hideZeroFraction: true })).toBe('₺12.500,50');
    expect(formatMoney(1000, 'KWD', 'en', { hideZeroFraction: true })).toBe('KWD\u00a01');
  });

  it('writes board totals in full while they fit, compact beyond, with the full amount for the hover text', () => {
    expect(formatMoneyFitting(5_000_000, 'TRY', 'tr')).toEqual({ text: '₺50.000', full: '₺50.000', compact: false });
    expect(formatMoneyFitting(123_456_700, 'TRY', 'tr')).toEqual({ text: '₺1.234.567', full: '₺1.234.567', compact: false });
    const huge = formatMoneyFitting(123_456_789_000, 'TRY', 'tr');
    expect(huge.full).toBe('₺1.234.567.890');
    expect(huge.compact).toBe(true);
    expect(huge.text).toMatch(/^(₺\s?1,2\sMr|1,2\sMr\s₺)$/);
    expect(formatMoneyFitting(5_000_000, 'TRY', 'en').text).not.toMatch(/K$/);
  });

  it('writes input text that the parser reads back in the same locale', () => {
    expect(minorToInputText(1250050, 'TRY', 'tr')).toBe('12500,50');
    expect(minorToInputText(1250000, 'TRY', 'en')).toBe('12500');
    expect(minorToInputText(5, 'TRY', 'tr')).toBe('0,05');
    expect(minorToInputText(1234, 'KWD', 'en')).toBe('1.234');
    expect(minorToInputText(1234, 'KWD', 'tr')).toBe('1,234');
    expect(minorToInputText(1500, 'JPY', 'tr')).toBe('1500');
  });
});

describe('quantities and rates', () => {
  it('parses quantities in thousandths, a lone separator being decimal', () => {
    expect(parseQuantity('1')).toBe(1000);
    expect(parseQuantity('1,5')).toBe(1500);
    expect(parseQuantity('0.125')).toBe(125);
    expect(parseQuantity('2,250')).toBe(2250);
    expect(parseQuantity('1.2345')).toBeNull();
    expect(parseQuantity('x')).toBeNull();
    expect(milliToDecimal(1500)).toBe('1.5');
    expect(milliToDecimal(2000)).toBe('2');
    expect(formatQuantity(1500, 'tr')).toBe('1,5');
  });

  it('parses VAT and discount rates in basis points', () => {
    expect(parseBasisPoints('20')).toBe(2000);
    expect(parseBasisPoints('%20')).toBe(2000);
    expect(parseBasisPoints('18,5')).toBe(1850);
    expect(parseBasisPoints('12.5')).toBe(1250);
    expect(parseBasisPoints('1.234')).toBeNull();
    expect(bpToPercent(1850)).toBe('18.5');
    expect(formatPercent(2000, 'tr')).toBe('%20');
    expect(formatPercent(1250, 'en')).toBe('12.5%');
  });
});

describe('rounding: half away from zero', () => {
  it('rounds halves away from zero, both signs', () => {
    expect(divideHalfAwayFromZero(5n, 10n)).toBe(1n);
    expect(divideHalfAwayFromZero(4n, 10n)).toBe(0n);
    expect(divideHalfAwayFromZero(25n, 10n)).toBe(3n);
    expect(divideHalfAwayFromZero(-5n, 10n)).toBe(-1n);
    expect(divideHalfAwayFromZero(-25n, 10n)).toBe(-3n);
    expect(divideHalfAwayFromZero(-24n, 10n)).toBe(-2n);
    expect(divideHalfAwayFromZero(15n, -10n)).toBe(-2n);
    expect(divideHalfAwayFromZero(0n, 7n)).toBe(0n);
    expect(() => divideHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });

  it('weighs a deal by its probability without floating point', () => {
    expect(weightedMinor(1, 50)).toBe(1); // half a kuruş → one
    expect(weightedMinor(333, 33)).toBe(110); // 109.89
    expect(weightedMinor(HUGE, 70)).toBe(864_197_523_086_419); // 864197523086419.2
    expect(weightedMinor(1_000_000_000_001, 50)).toBe(500_000_000_001); // .5 → up
    // A column: Σ value × percent, rounded once. Three deals of 0,01 at 50% are 0,02 (1,5 → 2), not 0.
    expect(weightedFromPercentSum('150')).toBe(2);
    expect(weightedFromPercentSum(String(BigInt(HUGE) * 40n))).toBe(493_827_156_049_382);
  });
});

describe('order lines: discount before VAT, each rounded per line', () => {
  it('computes a plain line: 2 × 150.00 TRY at 20% VAT', () => {
    expect(lineAmounts({ quantityMilli: 2000, unitPriceMinor: 15000, discountBp: 0, vatRateBp: 2000 })).toEqual({
      lineSubtotalMinor: 30000,
      lineDiscountMinor: 0,
      lineVatMinor: 6000,
      lineTotalMinor: 36000,
    });
  });

  it('applies the discount before VAT, each rounded', () => {
    // 3 × 33.33 = 99.99; 12.5% discount = 12.49875 → 12.50; net 87.49; 18% VAT = 15.7482 → 15.75
    expect(lineAmounts({ quantityMilli: 3000, unitPriceMinor: 3333, discountBp: 1250, vatRateBp: 1800 })).toEqual({
      lineSubtotalMinor: 9999,
      lineDiscountMinor: 1250,
      lineVatMinor: 1575,
      lineTotalMinor: 10324,
    });
  });

  it('rounds in the currency’s own minor units: JPY and KWD', () => {
    // 3 × ¥333 with 10% off = 999 − 99.9 → 100; VAT 10% of 899 = 89.9 → 90
    expect(lineAmounts({ quantityMilli: 3000, unitPriceMinor: 333, discountBp: 1000, vatRateBp: 1000 })).toMatchObject({ lineDiscountMinor: 100, lineVatMinor: 90, lineTotalMinor: 989 });
    // 1.5 × 1.235 KWD = 1.8525 → 1.853; 5% VAT = 0.09265 → 0.093
    expect(lineAmounts({ quantityMilli: 1500, unitPriceMinor: 1235, vatRateBp: 500 })).toMatchObject({ lineSubtotalMinor: 1853, lineVatMinor: 93, lineTotalMinor: 1946 });
  });

  it('sums rounded lines, not the rounding of sums', () => {
    const line = { quantityMilli: 1000, unitPriceMinor: 3, discountBp: 0, vatRateBp: 1800 }; // VAT 0.54 → 1 each
    expect(orderTotals([line, line, line])).toMatchObject({ subtotalMinor: 9, discountMinor: 0, vatMinor: 3, totalMinor: 12 });
    expect(orderTotals([])).toMatchObject({ subtotalMinor: 0, discountMinor: 0, vatMinor: 0, totalMinor: 0 });
  });

  it('stays exact on amounts of 10^12 minor units and refuses what a JS number cannot hold', () => {
    // 1,000 × 9,007,199,254.01 with 20% VAT: a double product would lose the last units.
    const totals = orderTotals([{ quantityMilli: 1_000_000, unitPriceMinor: 900_719_925_401, discountBp: 250, vatRateBp: 2000 }]);
    expect(totals).toMatchObject({ subtotalMinor: 900_719_925_401_000, discountMinor: 22_517_998_135_025, vatMinor: 175_640_385_453_195, totalMinor: 1_053_842_312_719_170 });
    expect(() => lineAmounts({ quantityMilli: 10 ** 12, unitPriceMinor: 10 ** 12, vatRateBp: 0 })).toThrow(RangeError);
  });
});
