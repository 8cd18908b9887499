CREATE TABLE "outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"channel" text NOT NULL,
	"to" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"event_kind" text NOT NULL,
	"case_id" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rating_links" (
	"token" text PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"task_id" text NOT NULL,
	"resolution" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"satisfied" boolean,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "ticket_pauses" (
	"id" text PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"paused_at" timestamp with time zone NOT NULL,
	"paused_by" text NOT NULL,
	"resumed_at" timestamp with time zone,
	"resumed_by" text,
	"working_days" double precision
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "escalation_level" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "next_escalation_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "pause_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "phone" text;--> statement-breakpoint
ALTER TABLE "rating_links" ADD CONSTRAINT "rating_links_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_pauses" ADD CONSTRAINT "ticket_pauses_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_idempotency" ON "outbox" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("next_attempt_at") WHERE status in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_status_created" ON "outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "rating_links_ticket" ON "rating_links" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "ticket_pauses_ticket" ON "ticket_pauses" USING btree ("ticket_id","paused_at");--> statement-breakpoint
CREATE INDEX "ticket_pauses_paused" ON "ticket_pauses" USING btree ("paused_at");--> statement-breakpoint
CREATE INDEX "tasks_next_escalation" ON "tasks" USING btree ("next_escalation_at") WHERE status = 'open' and next_escalation_at is not null;--> statement-breakpoint
UPDATE "tasks" SET "escalation_level" = 1 WHERE "escalated_at" IS NOT NULL;
