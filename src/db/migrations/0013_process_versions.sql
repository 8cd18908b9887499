ALTER TABLE "process_definitions" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "process_definitions" ADD COLUMN "based_on" integer;--> statement-breakpoint
ALTER TABLE "process_definitions" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "process_definitions" ADD COLUMN "published_by" text;--> statement-breakpoint
ALTER TABLE "process_definitions" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
UPDATE "process_definitions" SET "published_at" = "created_at" WHERE "status" = 'published';--> statement-breakpoint
INSERT INTO "settings" ("key", "value", "updated_at") SELECT 'process.current', to_jsonb(max("version")), now() FROM "process_definitions" HAVING count(*) > 0 ON CONFLICT DO NOTHING;
