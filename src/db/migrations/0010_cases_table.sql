CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"number" text,
	"customer_id" text NOT NULL,
	"owner_id" text,
	"state" text NOT NULL,
	"definition_version" integer,
	"partner_id" text,
	"tier" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "cases_number_unique" UNIQUE("number"),
	CONSTRAINT "cases_id_type" UNIQUE("id","type")
);
--> statement-breakpoint
-- data copy (hand-written): every deal and ticket becomes a case with the same id, and every
-- customer with revisit work (tasks or documents of case type 'customer') gets its revisit case,
-- before the moved columns are dropped below
INSERT INTO "cases" ("id", "type", "number", "customer_id", "owner_id", "state", "definition_version", "partner_id", "tier", "created_at", "updated_at", "closed_at")
SELECT d."id", 'deal', d."number", d."customer_id", d."owner_id", d."state", d."definition_version", NULL, NULL, d."created_at", d."updated_at",
  CASE WHEN NOT EXISTS (SELECT 1 FROM "tasks" t WHERE t."case_id" = d."id" AND t."status" = 'open') THEN d."updated_at" END
FROM "deals" d;--> statement-breakpoint
INSERT INTO "cases" ("id", "type", "number", "customer_id", "owner_id", "state", "definition_version", "partner_id", "tier", "created_at", "updated_at", "closed_at")
SELECT t."id", 'ticket', t."number", t."customer_id", NULL, t."state", t."definition_version", t."partner_id", t."tier", t."created_at", t."updated_at", t."closed_at"
FROM "tickets" t;--> statement-breakpoint
INSERT INTO "cases" ("id", "type", "number", "customer_id", "owner_id", "state", "definition_version", "partner_id", "tier", "created_at", "updated_at", "closed_at")
SELECT cu."id", 'customer', NULL, cu."id", NULL,
  coalesce((SELECT t."step" FROM "tasks" t WHERE t."case_id" = cu."id" AND t."status" = 'open' ORDER BY t."seq" DESC LIMIT 1), 'done'),
  NULL, NULL, NULL, cu."created_at",
  greatest(cu."created_at", (SELECT max(coalesce(t."completed_at", t."created_at")) FROM "tasks" t WHERE t."case_id" = cu."id")),
  CASE WHEN NOT EXISTS (SELECT 1 FROM "tasks" t WHERE t."case_id" = cu."id" AND t."status" = 'open')
    THEN (SELECT max(t."completed_at") FROM "tasks" t WHERE t."case_id" = cu."id") END
FROM "customers" cu
WHERE cu."id" IN (SELECT "case_id" FROM "tasks" WHERE "case_type" = 'customer' UNION SELECT "case_id" FROM "documents" WHERE "case_type" = 'customer');--> statement-breakpoint
ALTER TABLE "deals" DROP CONSTRAINT "deals_number_unique";--> statement-breakpoint
ALTER TABLE "tickets" DROP CONSTRAINT "tickets_number_unique";--> statement-breakpoint
ALTER TABLE "deals" DROP CONSTRAINT "deals_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "deals" DROP CONSTRAINT "deals_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "tickets" DROP CONSTRAINT "tickets_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "tickets" DROP CONSTRAINT "tickets_partner_id_partners_id_fk";
--> statement-breakpoint
DROP INDEX "deals_state";--> statement-breakpoint
DROP INDEX "deals_customer";--> statement-breakpoint
DROP INDEX "tickets_state";--> statement-breakpoint
DROP INDEX "tickets_customer";--> statement-breakpoint
DROP INDEX "documents_case";--> statement-breakpoint
DROP INDEX "tasks_case";--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_type_state" ON "cases" USING btree ("type","state");--> statement-breakpoint
CREATE INDEX "cases_type_created" ON "cases" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "cases_customer" ON "cases" USING btree ("customer_id");--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_case_fk" FOREIGN KEY ("case_id","case_type") REFERENCES "public"."cases"("id","type") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_case_fk" FOREIGN KEY ("case_id","case_type") REFERENCES "public"."cases"("id","type") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_due_unescalated" ON "tickets" USING btree ("due_at") WHERE escalated_at is null;--> statement-breakpoint
CREATE INDEX "documents_case" ON "documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "tasks_case" ON "tasks" USING btree ("case_id");--> statement-breakpoint
ALTER TABLE "deals" DROP COLUMN "number";--> statement-breakpoint
ALTER TABLE "deals" DROP COLUMN "customer_id";--> statement-breakpoint
ALTER TABLE "deals" DROP COLUMN "owner_id";--> statement-breakpoint
ALTER TABLE "deals" DROP COLUMN "state";--> statement-breakpoint
ALTER TABLE "deals" DROP COLUMN "definition_version";--> statement-breakpoint
ALTER TABLE "deals" DROP COLUMN "created_at";--> statement-breakpoint
ALTER TABLE "deals" DROP COLUMN "updated_at";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "number";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "customer_id";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "state";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "tier";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "definition_version";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "partner_id";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "closed_at";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "created_at";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "updated_at";