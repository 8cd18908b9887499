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
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_lecturer_id_users_id_fk" FOREIGN KEY ("lecturer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_sessions_lecturer" ON "training_sessions" USING btree ("lecturer_id");