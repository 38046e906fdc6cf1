import type { ImportRecord } from '../queries';

export const IMPORT_STATUS_COLOR: Record<ImportRecord['status'], string> = {
  uploaded: 'gray',
  queued: 'blue',
  running: 'blue',
  done: 'teal',
  failed: 'red',
};
