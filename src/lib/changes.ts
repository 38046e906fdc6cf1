/** The keys whose values differ between a stored row and an update (for audit entries and events). */
export function changedKeys<T extends Record<string, unknown>>(before: T, patch: Partial<T>): string[] {
  return Object.keys(patch).filter((k) => k !== 'version' && patch[k] !== undefined && patch[k] !== before[k]);
}
