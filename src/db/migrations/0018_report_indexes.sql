-- tickets.closed_at repeats cases.closed_at so one index finds the tickets open past their deadline
-- at an instant (the weekly summary); the database keeps the two equal, whoever writes the case
ALTER TABLE "tickets" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
UPDATE "tickets" k SET "closed_at" = c."closed_at" FROM "cases" c WHERE c."id" = k."id" AND c."closed_at" IS NOT NULL;--> statement-breakpoint
CREATE FUNCTION fy_ticket_closed_from_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "tickets" SET "closed_at" = NEW."closed_at" WHERE "id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "cases_ticket_closed" AFTER UPDATE OF "closed_at" ON "cases" FOR EACH ROW
  WHEN (NEW."type" = 'ticket' AND NEW."closed_at" IS DISTINCT FROM OLD."closed_at") EXECUTE FUNCTION fy_ticket_closed_from_case();--> statement-breakpoint
CREATE FUNCTION fy_ticket_closed_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."closed_at" := (SELECT "closed_at" FROM "cases" WHERE "id" = NEW."id");
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "tickets_closed_on_insert" BEFORE INSERT ON "tickets" FOR EACH ROW EXECUTE FUNCTION fy_ticket_closed_on_insert();--> statement-breakpoint
CREATE INDEX "tasks_deal_open_due" ON "tasks" USING btree ("due_at","created_at") WHERE status = 'open' and case_type = 'deal';--> statement-breakpoint
CREATE INDEX "tasks_type_completed" ON "tasks" USING btree ("case_type","completed_at","due_at","created_at") WHERE status = 'done';--> statement-breakpoint
CREATE INDEX "tasks_step_created" ON "tasks" USING btree ("step","created_at");--> statement-breakpoint
CREATE INDEX "tasks_open_step_created" ON "tasks" USING btree ("step","created_at","case_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "tickets_open_due" ON "tickets" USING btree ("due_at") WHERE closed_at is null and paused_at is null;--> statement-breakpoint
CREATE INDEX "tickets_closed" ON "tickets" USING btree ("closed_at","due_at");