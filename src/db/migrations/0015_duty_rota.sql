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
ALTER TABLE "duty_days" ADD CONSTRAINT "duty_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_days_user" ON "duty_days" USING btree ("user_id","date");