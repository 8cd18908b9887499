CREATE TABLE "reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"partner_id" text,
	"kind" text NOT NULL,
	"points" integer,
	"amount_fen" bigint,
	"reason" text NOT NULL,
	"case_id" text,
	"author_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reviews_user" ON "reviews" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "reviews_partner" ON "reviews" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "reviews_created" ON "reviews" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "cases_type_closed" ON "cases" USING btree ("type","closed_at");--> statement-breakpoint
CREATE INDEX "cases_customer_closed" ON "cases" USING btree ("customer_id","closed_at");--> statement-breakpoint
CREATE INDEX "tasks_step_completed" ON "tasks" USING btree ("step","completed_at") WHERE status = 'done';