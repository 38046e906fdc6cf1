import type { TaskCard } from '../queries';
import type { TaskCardData } from './task-card';

/** A task card as plain data for a client component (dates as ISO text). */
export function toCardData(task: TaskCard): TaskCardData {
  return {
    id: task.id,
    title: task.title,
    statusId: task.statusId,
    category: task.category,
    priority: task.priority,
    dueAt: task.dueAt?.toISOString() ?? null,
    completedAt: task.completedAt?.toISOString() ?? null,
    assignees: task.assignees,
    checklist: task.checklist,
    comments: task.comments,
    customer: task.customer,
    project: task.project,
    mine: task.mine,
  };
}
