CREATE TABLE "purchase_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"deal_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"brand" text NOT NULL,
	"model" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	"supplier" text,
	"ordered_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchase_lists" (
	"deal_id" text PRIMARY KEY NOT NULL,
	"source_document_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"exception" text
);
--> statement-breakpoint
ALTER TABLE "purchase_lines" ADD CONSTRAINT "purchase_lines_deal_id_purchase_lists_deal_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."purchase_lists"("deal_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_lists" ADD CONSTRAINT "purchase_lists_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_lines_deal_line" ON "purchase_lines" USING btree ("deal_id","line_no");