CREATE TYPE "public"."contract_status" AS ENUM('draft', 'active', 'expired', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."quote_status" AS ENUM('draft', 'sent', 'accepted', 'rejected', 'expired');--> statement-breakpoint
CREATE TYPE "public"."stage_kind" AS ENUM('open', 'won', 'lost');--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('planned', 'active', 'on_hold', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."task_priority" AS ENUM('low', 'medium', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."task_status_category" AS ENUM('todo', 'in_progress', 'done');--> statement-breakpoint
CREATE TABLE "contracts" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"deal_id" uuid,
	"customer_id" uuid,
	"title" text NOT NULL,
	"status" "contract_status" DEFAULT 'draft' NOT NULL,
	"start_date" date,
	"end_date" date,
	"remind_days_before" integer DEFAULT 30 NOT NULL,
	"reminder_id" uuid,
	"file_name" text,
	"file_path" text,
	"file_type" text,
	"file_size" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"position" text COLLATE "C" NOT NULL,
	"title" text NOT NULL,
	"customer_id" uuid,
	"value_minor" bigint DEFAULT 0 NOT NULL,
	"currency" char(3) NOT NULL,
	"expected_close_date" date,
	"owner_id" uuid,
	"probability" smallint,
	"source" text,
	"lost_reason" text,
	"won_at" timestamp with time zone,
	"lost_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"move_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"probability" smallint DEFAULT 0 NOT NULL,
	"kind" "stage_kind" DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipeline_stages_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "pipelines" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"project_template_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipelines_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "project_templates" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"tasks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_templates_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "quote_items" (
	"business_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"discount_bp" integer DEFAULT 0 NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"line_subtotal_minor" bigint NOT NULL,
	"line_discount_minor" bigint NOT NULL,
	"line_vat_minor" bigint NOT NULL,
	CONSTRAINT "quote_items_business_id_quote_id_position_pk" PRIMARY KEY("business_id","quote_id","position")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "quote_status" DEFAULT 'draft' NOT NULL,
	"language" text DEFAULT 'tr' NOT NULL,
	"currency" char(3) NOT NULL,
	"valid_until" date,
	"notes" text,
	"subtotal_minor" bigint DEFAULT 0 NOT NULL,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"vat_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint DEFAULT 0 NOT NULL,
	"public_token_hash" text,
	"sent_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotes_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "project_members" (
	"business_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"personnel_id" uuid NOT NULL,
	CONSTRAINT "project_members_business_id_project_id_personnel_id_pk" PRIMARY KEY("business_id","project_id","personnel_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"customer_id" uuid,
	"deal_id" uuid,
	"status" "project_status" DEFAULT 'active' NOT NULL,
	"start_date" date,
	"end_date" date,
	"owner_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_assignees" (
	"business_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"personnel_id" uuid NOT NULL,
	CONSTRAINT "task_assignees_business_id_task_id_personnel_id_pk" PRIMARY KEY("business_id","task_id","personnel_id")
);
--> statement-breakpoint
CREATE TABLE "task_checklist_items" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	CONSTRAINT "task_checklist_items_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_comments" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_comments_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_statuses" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" "task_status_category" NOT NULL,
	"position" integer NOT NULL,
	"wip_limit" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "task_statuses_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"business_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid,
	"status_id" uuid,
	"category" "task_status_category" DEFAULT 'todo' NOT NULL,
	"position" text COLLATE "C" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"customer_id" uuid,
	"due_at" timestamp with time zone,
	"priority" "task_priority" DEFAULT 'medium' NOT NULL,
	"completed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"move_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_pipeline_fk" FOREIGN KEY ("business_id","pipeline_id") REFERENCES "public"."pipelines"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_stage_fk" FOREIGN KEY ("business_id","stage_id") REFERENCES "public"."pipeline_stages"("business_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_stages" ADD CONSTRAINT "pipeline_stages_pipeline_fk" FOREIGN KEY ("business_id","pipeline_id") REFERENCES "public"."pipelines"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipelines" ADD CONSTRAINT "pipelines_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_templates" ADD CONSTRAINT "project_templates_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_items" ADD CONSTRAINT "quote_items_quote_fk" FOREIGN KEY ("business_id","quote_id") REFERENCES "public"."quotes"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_deal_fk" FOREIGN KEY ("business_id","deal_id") REFERENCES "public"."deals"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_project_fk" FOREIGN KEY ("business_id","project_id") REFERENCES "public"."projects"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignees" ADD CONSTRAINT "task_assignees_task_fk" FOREIGN KEY ("business_id","task_id") REFERENCES "public"."tasks"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_checklist_items" ADD CONSTRAINT "task_checklist_task_fk" FOREIGN KEY ("business_id","task_id") REFERENCES "public"."tasks"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_task_fk" FOREIGN KEY ("business_id","task_id") REFERENCES "public"."tasks"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_statuses" ADD CONSTRAINT "task_statuses_project_fk" FOREIGN KEY ("business_id","project_id") REFERENCES "public"."projects"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_fk" FOREIGN KEY ("business_id","project_id") REFERENCES "public"."projects"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_status_fk" FOREIGN KEY ("business_id","status_id") REFERENCES "public"."task_statuses"("business_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contracts_deal_idx" ON "contracts" USING btree ("business_id","deal_id");--> statement-breakpoint
CREATE INDEX "contracts_customer_idx" ON "contracts" USING btree ("business_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deals_stage_position_key" ON "deals" USING btree ("business_id","stage_id","position");--> statement-breakpoint
CREATE INDEX "deals_pipeline_idx" ON "deals" USING btree ("business_id","pipeline_id","stage_id","position");--> statement-breakpoint
CREATE INDEX "deals_customer_idx" ON "deals" USING btree ("business_id","customer_id");--> statement-breakpoint
CREATE INDEX "deals_owner_idx" ON "deals" USING btree ("business_id","owner_id");--> statement-breakpoint
CREATE INDEX "pipeline_stages_pipeline_idx" ON "pipeline_stages" USING btree ("business_id","pipeline_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "pipelines_name_key" ON "pipelines" USING btree ("business_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "project_templates_name_key" ON "project_templates" USING btree ("business_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_key" ON "quotes" USING btree ("business_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_public_token_key" ON "quotes" USING btree ("public_token_hash");--> statement-breakpoint
CREATE INDEX "quotes_deal_idx" ON "quotes" USING btree ("business_id","deal_id");--> statement-breakpoint
CREATE INDEX "project_members_personnel_idx" ON "project_members" USING btree ("business_id","personnel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_deal_key" ON "projects" USING btree ("business_id","deal_id") WHERE "projects"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "projects_customer_idx" ON "projects" USING btree ("business_id","customer_id");--> statement-breakpoint
CREATE INDEX "projects_owner_idx" ON "projects" USING btree ("business_id","owner_id");--> statement-breakpoint
CREATE INDEX "task_assignees_personnel_idx" ON "task_assignees" USING btree ("business_id","personnel_id");--> statement-breakpoint
CREATE INDEX "task_checklist_task_idx" ON "task_checklist_items" USING btree ("business_id","task_id","position");--> statement-breakpoint
CREATE INDEX "task_comments_task_idx" ON "task_comments" USING btree ("business_id","task_id","created_at");--> statement-breakpoint
CREATE INDEX "task_statuses_project_idx" ON "task_statuses" USING btree ("business_id","project_id","position");--> statement-breakpoint
CREATE INDEX "tasks_board_idx" ON "tasks" USING btree ("business_id","project_id","status_id","position");--> statement-breakpoint
CREATE INDEX "tasks_customer_idx" ON "tasks" USING btree ("business_id","customer_id");--> statement-breakpoint
CREATE INDEX "tasks_due_idx" ON "tasks" USING btree ("due_at") WHERE "tasks"."completed_at" is null and "tasks"."reminded_at" is null and "tasks"."due_at" is not null;--> statement-breakpoint
-- Hand-written: clearing only the referencing column (PostgreSQL 15+); a composite SET NULL
-- from the schema builder would clear business_id too.
ALTER TABLE "pipelines" ADD CONSTRAINT "pipelines_project_template_fk" FOREIGN KEY ("business_id","project_template_id") REFERENCES "public"."project_templates"("business_id","id") ON DELETE SET NULL ("project_template_id");--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_customer_fk" FOREIGN KEY ("business_id","customer_id") REFERENCES "public"."customers"("business_id","id") ON DELETE SET NULL ("customer_id");--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_owner_fk" FOREIGN KEY ("business_id","owner_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("owner_id");--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_deal_fk" FOREIGN KEY ("business_id","deal_id") REFERENCES "public"."deals"("business_id","id") ON DELETE SET NULL ("deal_id");--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_customer_fk" FOREIGN KEY ("business_id","customer_id") REFERENCES "public"."customers"("business_id","id") ON DELETE SET NULL ("customer_id");--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_reminder_fk" FOREIGN KEY ("business_id","reminder_id") REFERENCES "public"."reminders"("business_id","id") ON DELETE SET NULL ("reminder_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_customer_fk" FOREIGN KEY ("business_id","customer_id") REFERENCES "public"."customers"("business_id","id") ON DELETE SET NULL ("customer_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_deal_fk" FOREIGN KEY ("business_id","deal_id") REFERENCES "public"."deals"("business_id","id") ON DELETE SET NULL ("deal_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_owner_fk" FOREIGN KEY ("business_id","owner_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("owner_id");--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_personnel_fk" FOREIGN KEY ("business_id","personnel_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_customer_fk" FOREIGN KEY ("business_id","customer_id") REFERENCES "public"."customers"("business_id","id") ON DELETE SET NULL ("customer_id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_fk" FOREIGN KEY ("business_id","created_by_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("created_by_id");--> statement-breakpoint
ALTER TABLE "task_assignees" ADD CONSTRAINT "task_assignees_personnel_fk" FOREIGN KEY ("business_id","personnel_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_author_fk" FOREIGN KEY ("business_id","author_id") REFERENCES "public"."personnel"("business_id","id") ON DELETE SET NULL ("author_id");
