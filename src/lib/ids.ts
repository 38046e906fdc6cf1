import { uuidv7 } from 'uuidv7';

/** Time-ordered ids made in the app, so inserts append to the primary-key index. */
export function newId(): string {
  return uuidv7();
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
