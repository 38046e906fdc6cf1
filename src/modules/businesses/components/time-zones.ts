/** The zone names this runtime knows, for the time-zone pickers. */
export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Istanbul', 'UTC'];
  }
}
