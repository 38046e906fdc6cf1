ALTER TABLE "businesses" ADD COLUMN "language" text DEFAULT 'tr' NOT NULL;--> statement-breakpoint
-- Businesses that already have the English default pipeline were made in English.
UPDATE "businesses" SET "language" = 'en' WHERE EXISTS (SELECT 1 FROM "pipelines" p WHERE p."business_id" = "businesses"."id" AND p."name" = 'Sales');
