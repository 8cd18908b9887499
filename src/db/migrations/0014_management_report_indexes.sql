CREATE INDEX "cases_type_closed" ON "cases" USING btree ("type","closed_at");--> statement-breakpoint
CREATE INDEX "cases_customer_closed" ON "cases" USING btree ("customer_id","closed_at");--> statement-breakpoint
CREATE INDEX "tasks_step_completed" ON "tasks" USING btree ("step","completed_at") WHERE status = 'done';