DROP INDEX "tasks_open_pool";--> statement-breakpoint
DROP INDEX "tasks_open_assignee";--> statement-breakpoint
DROP INDEX "tasks_open_partner";--> statement-breakpoint
CREATE INDEX "tasks_open_pool_due" ON "tasks" USING btree ("assignee_role","due_at","seq") WHERE status = 'open' and assignee_id is null and partner_id is null;--> statement-breakpoint
CREATE INDEX "tasks_open_assignee_due" ON "tasks" USING btree ("assignee_id","due_at","seq") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "tasks_open_partner_due" ON "tasks" USING btree ("partner_id","due_at","seq") WHERE status = 'open';