DROP INDEX "tasks_due_idx";--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "task_reminder_minutes" integer DEFAULT 60;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "reminder_minutes" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "remind_at" timestamp with time zone;--> statement-breakpoint
-- Tasks made before per-task reminders keep the reminder they had: an hour before their due time.
UPDATE "tasks" SET "reminder_minutes" = 60, "remind_at" = "due_at" - interval '60 minutes';--> statement-breakpoint
CREATE INDEX "tasks_remind_idx" ON "tasks" USING btree ("remind_at") WHERE "tasks"."completed_at" is null and "tasks"."reminded_at" is null and "tasks"."remind_at" is not null;