ALTER TABLE "tickets" ADD COLUMN "source_task_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_source_task" ON "tickets" USING btree ("source_task_id");