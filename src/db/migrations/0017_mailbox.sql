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
ALTER TABLE "mailbox_letters" ADD CONSTRAINT "mailbox_letters_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_quota" ADD CONSTRAINT "mailbox_quota_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mailbox_letters_author" ON "mailbox_letters" USING btree ("author_id");