DROP INDEX "tasks_type_completed";--> statement-breakpoint
DROP INDEX "tickets_closed";--> statement-breakpoint
CREATE INDEX "tasks_type_completed" ON "tasks" USING btree ("case_type","completed_at","due_at","created_at") WHERE status = 'done';--> statement-breakpoint
CREATE INDEX "tickets_closed" ON "tickets" USING btree ("closed_at","due_at");