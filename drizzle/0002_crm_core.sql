-- Trigram indexes for the folded search columns (customers.search_text).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."customer_kind" AS ENUM('person', 'company');--> statement-breakpoint
CREATE TYPE "public"."customer_status" AS ENUM('lead', 'active', 'inactive', 'lost');--> statement-breakpoint
CREATE TYPE "public"."purchase_status" AS ENUM('pending', 'paid', 'cancelled', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."interaction_direction" AS ENUM('inbound', 'outbound');--> statement-breakpoint
CREATE TYPE "public"."interaction_type" AS ENUM('email', 'call', 'meeting', 'note', 'sms');--> statement-breakpoint
CREATE TYPE "public"."message_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('queued', 'sent', 'failed', 'held');--> statement-breakpoint
CREATE TYPE "public"."reminder_repeat" AS ENUM('none', 'daily', 'weekly', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."import_duplicate_mode" AS ENUM('skip', 'update', 'create');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('uploaded', 'queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "customer_notes" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"body" text NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_notes_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_tags" (
	"business_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_tags_business_id_customer_id_tag_id_pk" PRIMARY KEY("business_id","customer_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" "customer_kind" NOT NULL,
	"name" text NOT NULL,
	"company_id" uuid,
	"job_title" text,
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"phones" text[] DEFAULT '{}'::text[] NOT NULL,
	"address" text,
	"city" text,
	"country" text,
	"tax_number" text,
	"tax_office" text,
	"source" text,
	"status" "customer_status" DEFAULT 'lead' NOT NULL,
	"owner_id" uuid,
	"birthday" date,
	"notes" text,
	"email_consent" boolean DEFAULT false NOT NULL,
	"email_consent_at" timestamp with time zone,
	"email_consent_source" text,
	"sms_consent" boolean DEFAULT false NOT NULL,
	"sms_consent_at" timestamp with time zone,
	"sms_consent_source" text,
	"search_text" text COLLATE "C" NOT NULL,
	"sort_name" text COLLATE "C" NOT NULL,
	"lifetime_value_minor" bigint DEFAULT 0 NOT NULL,
	"purchase_count" integer DEFAULT 0 NOT NULL,
	"last_purchase_at" timestamp with time zone,
	"last_interaction_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "purchase_items" (
	"business_id" uuid NOT NULL,
	"purchase_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"line_subtotal_minor" bigint NOT NULL,
	"line_vat_minor" bigint NOT NULL,
	CONSTRAINT "purchase_items_business_id_purchase_id_position_pk" PRIMARY KEY("business_id","purchase_id","position")
);
--> statement-breakpoint
CREATE TABLE "purchases" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"status" "purchase_status" DEFAULT 'paid' NOT NULL,
	"currency" char(3) NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"vat_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"external_ref" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchases_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"color" text DEFAULT 'gray' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tags_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "interaction_customers" (
	"business_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interaction_customers_business_id_interaction_id_customer_id_pk" PRIMARY KEY("business_id","interaction_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "interaction_personnel" (
	"business_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"personnel_id" uuid NOT NULL,
	CONSTRAINT "interaction_personnel_business_id_interaction_id_personnel_id_pk" PRIMARY KEY("business_id","interaction_id","personnel_id")
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"type" "interaction_type" NOT NULL,
	"direction" "interaction_direction",
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer,
	"subject" text,
	"body" text,
	"outcome" text,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interactions_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "message_templates" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"channel" "message_channel" NOT NULL,
	"name" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_templates_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"channel" "message_channel" NOT NULL,
	"to_address" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"status" "outbox_status" DEFAULT 'queued' NOT NULL,
	"provider" text,
	"provider_message_id" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"interaction_id" uuid,
	"customer_id" uuid,
	"sent_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_messages_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"in_app" boolean DEFAULT true NOT NULL,
	"email" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"dedupe_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "reminder_occurrences" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reminder_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"done_by_id" uuid,
	CONSTRAINT "reminder_occurrences_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"customer_id" uuid,
	"assignee_id" uuid,
	"note" text,
	"repeat" "reminder_repeat" DEFAULT 'none' NOT NULL,
	"anchor_day" smallint,
	"done_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text DEFAULT 'customers' NOT NULL,
	"status" "import_status" DEFAULT 'uploaded' NOT NULL,
	"file_name" text NOT NULL,
	"file_path" text NOT NULL,
	"encoding" text NOT NULL,
	"delimiter" text NOT NULL,
	"mapping" jsonb,
	"duplicate_mode" "import_duplicate_mode" DEFAULT 'skip' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"next_row" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "imports_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_customer_fk" FOREIGN KEY ("business_id","customer_id") REFERENCES "public"."customers"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_tags" ADD CONSTRAINT "customer_tags_customer_fk" FOREIGN KEY ("business_id","customer_id") REFERENCES "public"."customers"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_tags" ADD CONSTRAINT "customer_tags_tag_fk" FOREIGN KEY ("business_id","tag_id") REFERENCES "public"."tags"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_items" ADD CONSTRAINT "purchase_items_purchase_fk" FOREIGN KEY ("business_id","purchase_id") REFERENCES "public"."purchases"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_customer_fk" FOREIGN KEY ("business_id","customer_id") REFERENCES "public"."customers"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_customers" ADD CONSTRAINT "interaction_customers_interaction_fk" FOREIGN KEY ("business_id","interaction_id") REFERENCES "public"."interactions"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_customers" ADD CONSTRAINT "interaction_customers_customer_fk" FOREIGN KEY ("business_id","customer_id") REFERENCES "public"."customers"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_personnel" ADD CONSTRAINT "interaction_personnel_interaction_fk" FOREIGN KEY ("business_id","interaction_id") REFERENCES "public"."interactions"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_personnel" ADD CONSTRAINT "interaction_personnel_personnel_fk" FOREIGN KEY ("business_id","personnel_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_occurrences" ADD CONSTRAINT "reminder_occurrences_reminder_fk" FOREIGN KEY ("business_id","reminder_id") REFERENCES "public"."reminders"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_notes_customer_idx" ON "customer_notes" USING btree ("business_id","customer_id","pinned","created_at");--> statement-breakpoint
CREATE INDEX "customer_tags_tag_idx" ON "customer_tags" USING btree ("business_id","tag_id","customer_id");--> statement-breakpoint
CREATE INDEX "customers_sort_idx" ON "customers" USING btree ("business_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "customers_created_idx" ON "customers" USING btree ("business_id","created_at","id");--> statement-breakpoint
CREATE INDEX "customers_company_idx" ON "customers" USING btree ("business_id","company_id");--> statement-breakpoint
CREATE INDEX "customers_owner_idx" ON "customers" USING btree ("business_id","owner_id");--> statement-breakpoint
CREATE INDEX "customers_status_idx" ON "customers" USING btree ("business_id","status","sort_name","id");--> statement-breakpoint
CREATE INDEX "customers_ltv_idx" ON "customers" USING btree ("business_id","lifetime_value_minor","id");--> statement-breakpoint
CREATE INDEX "customers_last_interaction_idx" ON "customers" USING btree ("business_id","last_interaction_at","id");--> statement-breakpoint
CREATE INDEX "customers_last_purchase_idx" ON "customers" USING btree ("business_id","last_purchase_at","id");--> statement-breakpoint
CREATE INDEX "customers_search_trgm_idx" ON "customers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_emails_idx" ON "customers" USING gin ("emails");--> statement-breakpoint
CREATE INDEX "customers_phones_idx" ON "customers" USING gin ("phones");--> statement-breakpoint
CREATE INDEX "purchases_customer_idx" ON "purchases" USING btree ("business_id","customer_id","ordered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "purchases_external_ref_key" ON "purchases" USING btree ("business_id","external_ref") WHERE "purchases"."external_ref" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "segments_business_name_key" ON "segments" USING btree ("business_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "tags_business_name_key" ON "tags" USING btree ("business_id",lower("name"));--> statement-breakpoint
CREATE INDEX "interaction_customers_timeline_idx" ON "interaction_customers" USING btree ("business_id","customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interaction_personnel_personnel_idx" ON "interaction_personnel" USING btree ("business_id","personnel_id");--> statement-breakpoint
CREATE INDEX "interactions_feed_idx" ON "interactions" USING btree ("business_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "interactions_type_idx" ON "interactions" USING btree ("business_id","type","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_name_key" ON "message_templates" USING btree ("business_id","channel",lower("name"));--> statement-breakpoint
CREATE INDEX "outbox_messages_created_idx" ON "outbox_messages" USING btree ("business_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("business_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("business_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("business_id","user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "reminder_occurrences_reminder_idx" ON "reminder_occurrences" USING btree ("business_id","reminder_id","due_at");--> statement-breakpoint
CREATE INDEX "reminders_due_idx" ON "reminders" USING btree ("business_id","done_at","due_at");--> statement-breakpoint
CREATE INDEX "reminders_customer_idx" ON "reminders" USING btree ("business_id","customer_id","due_at");--> statement-breakpoint
CREATE INDEX "reminders_assignee_idx" ON "reminders" USING btree ("business_id","assignee_id","due_at");--> statement-breakpoint
CREATE INDEX "reminders_pending_notify_idx" ON "reminders" USING btree ("due_at") WHERE "reminders"."done_at" is null and "reminders"."notified_at" is null;--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("business_id","created_at");--> statement-breakpoint
-- Hand-written: clearing only the referencing column (PostgreSQL 15+); a composite SET NULL
-- from the schema builder would clear business_id too.
ALTER TABLE "customers" ADD CONSTRAINT "customers_company_fk" FOREIGN KEY ("business_id","company_id") REFERENCES "public"."customers"("business_id","id") ON DELETE SET NULL ("company_id");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_owner_fk" FOREIGN KEY ("business_id","owner_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("owner_id");--> statement-breakpoint
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_author_fk" FOREIGN KEY ("business_id","author_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("author_id");--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_created_by_fk" FOREIGN KEY ("business_id","created_by_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("created_by_id");--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_interaction_fk" FOREIGN KEY ("business_id","interaction_id") REFERENCES "public"."interactions"("business_id","id") ON DELETE SET NULL ("interaction_id");--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_customer_fk" FOREIGN KEY ("business_id","customer_id") REFERENCES "public"."customers"("business_id","id") ON DELETE SET NULL ("customer_id");--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_sent_by_fk" FOREIGN KEY ("business_id","sent_by_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("sent_by_id");--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_customer_fk" FOREIGN KEY ("business_id","customer_id") REFERENCES "public"."customers"("business_id","id") ON DELETE SET NULL ("customer_id");--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_assignee_fk" FOREIGN KEY ("business_id","assignee_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("assignee_id");--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_created_by_fk" FOREIGN KEY ("business_id","created_by_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("created_by_id");--> statement-breakpoint
ALTER TABLE "reminder_occurrences" ADD CONSTRAINT "reminder_occurrences_done_by_fk" FOREIGN KEY ("business_id","done_by_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("done_by_id");--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_fk" FOREIGN KEY ("business_id","created_by_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("created_by_id");
