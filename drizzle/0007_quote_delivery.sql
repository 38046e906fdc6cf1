ALTER TABLE "quotes" ADD COLUMN "sent_message_id" uuid;--> statement-breakpoint
CREATE INDEX "outbox_messages_interaction_idx" ON "outbox_messages" USING btree ("business_id","interaction_id");