CREATE TABLE "assets" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"brand_model" text NOT NULL,
	"serial_number" text NOT NULL,
	"config_doc_number" text,
	"installed_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone,
	"replaced_by_id" text,
	"document_id" text
);
--> statement-breakpoint
CREATE TABLE "audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"case_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"date" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"contact_person" text NOT NULL,
	"phone" text NOT NULL,
	"phone_digits" text NOT NULL,
	"service_tier" text,
	"in_service_since" timestamp with time zone,
	"next_revisit_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"customer_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"state" text NOT NULL,
	"definition_version" integer NOT NULL,
	"second_meeting_at" timestamp with time zone,
	"end_reason" text,
	"competitor" text,
	"payment_model" text,
	"amount_fen" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deals_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "doc_counters" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "doc_counters_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"form" text NOT NULL,
	"number" text NOT NULL,
	"case_type" text NOT NULL,
	"case_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"task_id" text,
	"fields" jsonb NOT NULL,
	"copies" jsonb NOT NULL,
	"signed_by" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "documents_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"username" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "negotiation_log" (
	"id" text PRIMARY KEY NOT NULL,
	"deal_id" text NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"task_id" text,
	"case_id" text,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"certified_until" text NOT NULL,
	"rate_per_repair_fen" integer DEFAULT 20000 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_definitions" (
	"version" integer PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"step" text NOT NULL,
	"case_type" text NOT NULL,
	"case_id" text NOT NULL,
	"assignee_role" text NOT NULL,
	"assignee_id" text,
	"assignee_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"partner_id" text,
	"department" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"tier" text DEFAULT 'standard' NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"completed_at" timestamp with time zone,
	"completed_by" text,
	"escalated_at" timestamp with time zone,
	"special_reason" text
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"problem" text NOT NULL,
	"contact" text,
	"state" text NOT NULL,
	"tier" text NOT NULL,
	"definition_version" integer NOT NULL,
	"partner_id" text,
	"due_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"special_reason" text,
	"opened_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tickets_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"roles" jsonb NOT NULL,
	"department" text,
	"partner_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negotiation_log" ADD CONSTRAINT "negotiation_log_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assets_serial" ON "assets" USING btree ("serial_number");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_serial_in_service" ON "assets" USING btree ("serial_number") WHERE replaced_at IS NULL;--> statement-breakpoint
CREATE INDEX "audit_case" ON "audit" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "customers_phone_digits" ON "customers" USING btree ("phone_digits");--> statement-breakpoint
CREATE INDEX "deals_state" ON "deals" USING btree ("state");--> statement-breakpoint
CREATE INDEX "deals_customer" ON "deals" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "documents_case" ON "documents" USING btree ("case_type","case_id");--> statement-breakpoint
CREATE INDEX "documents_customer" ON "documents" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once" ON "notifications" USING btree ("user_id","kind","task_id");--> statement-breakpoint
CREATE INDEX "tasks_open_role" ON "tasks" USING btree ("status","assignee_role","due_at");--> statement-breakpoint
CREATE INDEX "tasks_open_assignee" ON "tasks" USING btree ("status","assignee_id","due_at");--> statement-breakpoint
CREATE INDEX "tasks_case" ON "tasks" USING btree ("case_type","case_id");--> statement-breakpoint
CREATE INDEX "tasks_due_open" ON "tasks" USING btree ("status","escalated_at","due_at");--> statement-breakpoint
CREATE INDEX "tickets_state" ON "tickets" USING btree ("state");--> statement-breakpoint
CREATE INDEX "tickets_customer" ON "tickets" USING btree ("customer_id");