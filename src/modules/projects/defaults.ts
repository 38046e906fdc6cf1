import type { TaskStatusCategory } from './schemas';

/** The columns every new project starts with, named in the creator's language. */
export const DEFAULT_TASK_STATUSES: { category: TaskStatusCategory; names: Record<'tr' | 'en', string> }[] = [
  { category: 'todo', names: { tr: 'Yapılacak', en: 'To do' } },
  { category: 'in_progress', names: { tr: 'Devam ediyor', en: 'In progress' } },
  { category: 'done', names: { tr: 'Tamamlandı', en: 'Done' } },
];
