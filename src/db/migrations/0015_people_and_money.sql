CREATE TABLE "allowance_months" (
	"month" text PRIMARY KEY NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approved_by" text NOT NULL,
	"lines" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commission_months" (
	"month" text PRIMARY KEY NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approved_by" text NOT NULL,
	"lines" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commission_payments" (
	"lead_id" text PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"paid_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_days" (
	"rota" text NOT NULL,
	"date" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"statutory" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "duty_days_rota_date_pk" PRIMARY KEY("rota","date")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"referrer_id" text NOT NULL,
	"customer_id" text,
	"customer_name" text NOT NULL,
	"contact_person" text,
	"phone" text,
	"need" text NOT NULL,
	"claimed_class" text NOT NULL,
	"justification" text,
	"class" text,
	"class_reason" text,
	"state" text NOT NULL,
	"salesperson_id" text,
	"reject_reason" text,
	"deal_id" text,
	"income_pct" double precision,
	"income_pct_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leads_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "mailbox_letters" (
	"id" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"author_id" text,
	"written_on" text NOT NULL,
	"state" text NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"reply_code_hash" text,
	CONSTRAINT "mailbox_letters_reply_code_hash_unique" UNIQUE("reply_code_hash")
);
--> statement-breakpoint
CREATE TABLE "mailbox_quota" (
	"user_id" text NOT NULL,
	"day" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "mailbox_quota_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"date" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"direction" text NOT NULL,
	"lecturer_id" text NOT NULL,
	"topic" text,
	"prepare_due_at" timestamp with time zone NOT NULL,
	"attendee_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_sessions_date_unique" UNIQUE("date")
);
--> statement-breakpoint
ALTER TABLE "allowance_months" ADD CONSTRAINT "allowance_months_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_months" ADD CONSTRAINT "commission_months_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_payments" ADD CONSTRAINT "commission_payments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_payments" ADD CONSTRAINT "commission_payments_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_days" ADD CONSTRAINT "duty_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_referrer_id_users_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_salesperson_id_users_id_fk" FOREIGN KEY ("salesperson_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_letters" ADD CONSTRAINT "mailbox_letters_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_quota" ADD CONSTRAINT "mailbox_quota_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_lecturer_id_users_id_fk" FOREIGN KEY ("lecturer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_days_user" ON "duty_days" USING btree ("user_id","date");--> statement-breakpoint
CREATE INDEX "leads_referrer" ON "leads" USING btree ("referrer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_deal" ON "leads" USING btree ("deal_id");--> statement-breakpoint
CREATE INDEX "mailbox_letters_author" ON "mailbox_letters" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "training_sessions_lecturer" ON "training_sessions" USING btree ("lecturer_id");