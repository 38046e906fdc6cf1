/** A quote's number as people quote it back: 7 → "#0007". */
export function quoteNumberText(n: number): string {
  return `#${String(n).padStart(4, '0')}`;
}
