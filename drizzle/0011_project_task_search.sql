-- Search, filters and keyset orders for the project and task lists. The folded search text and the
-- Turkish sort key are written by the app with each row (lib/text.ts); existing rows get them here,
-- computed in SQL the same way for Turkish letters (a name with other accented letters gets an
-- approximate sort key until it is next saved). The trigram indexes have no GIN pending list, so a
-- burst of inserts does not slow every search until autovacuum merges it.
ALTER TABLE "projects" ADD COLUMN "search_text" text COLLATE "C" NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "sort_name" text COLLATE "C" NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "search_text" text COLLATE "C" NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE "projects" SET
  "search_text" = lower(translate(concat_ws(' ', nullif(btrim("name"), ''), nullif(btrim("description"), '')), 'şŞıİIğĞüÜöÖçÇ', 'ssiiigguuoocc')),
  "sort_name" = regexp_replace(
    regexp_replace(
      translate(
        lower(translate(btrim("name"), 'ABCÇDEFGĞHIİJKLMNOÖPQRSŞTUÜVWXYZ', 'abcçdefgğhıijklmnoöpqrsştuüvwxyz')),
        'abcçdefgğhıijklmnoöpqrsştuüvwxyz',
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`'
      ),
      '\s', ' ', 'g'
    ),
    '[^A-`0-9 ]', '!', 'g'
  );--> statement-breakpoint
UPDATE "tasks" SET
  "search_text" = lower(translate(concat_ws(' ', nullif(btrim("title"), ''), nullif(btrim("description"), '')), 'şŞıİIğĞüÜöÖçÇ', 'ssiiigguuoocc'));--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "search_text" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "sort_name" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "search_text" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "projects_status_idx" ON "projects" USING btree ("business_id","status");--> statement-breakpoint
CREATE INDEX "projects_sort_idx" ON "projects" USING btree ("business_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "projects_created_idx" ON "projects" USING btree ("business_id","created_at","id");--> statement-breakpoint
CREATE INDEX "projects_due_idx" ON "projects" USING btree ("business_id",coalesce("end_date", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "projects_search_trgm_idx" ON "projects" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "tasks_list_due_idx" ON "tasks" USING btree ("business_id",coalesce("due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "tasks_search_trgm_idx" ON "tasks" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);
