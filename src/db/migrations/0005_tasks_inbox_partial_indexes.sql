DROP INDEX "tasks_open_role";--> statement-breakpoint
DROP INDEX "tasks_open_assignee";--> statement-breakpoint
CREATE INDEX "tasks_open_pool" ON "tasks" USING btree ("assignee_role","due_at") WHERE status = 'open' and assignee_id is null and partner_id is null;--> statement-breakpoint
CREATE INDEX "tasks_open_partner" ON "tasks" USING btree ("partner_id","due_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "tasks_open_assignee" ON "tasks" USING btree ("assignee_id","due_at") WHERE status = 'open';