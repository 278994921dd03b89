-- The time an object's change happens at: a test clock's, when the transaction runs on one (it sets
-- kassa.now with set_config(…, true), lib/test-clocks/clock-context.ts), else the transaction's own.
CREATE FUNCTION kassa_now() RETURNS timestamp with time zone
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(nullif(current_setting('kassa.now', true), '')::timestamp with time zone, now()) $$;
--> statement-breakpoint
CREATE TABLE "test_clocks" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"name" varchar(200),
	"frozen_time" timestamp with time zone NOT NULL,
	"advancing_until" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_sequences" (
	"object_id" varchar(64) PRIMARY KEY NOT NULL,
	"last_sequence" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "test_clock_id" varchar(64);--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "object_id" varchar(64);--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "object_sequence" integer;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "test_clock_id" varchar(64);--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "fail_next_renewal" varchar(64);--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD COLUMN "fault" varchar(40);--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "faults" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "test_faults" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "test_clocks" ADD CONSTRAINT "test_clocks_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "test_clocks_merchant_idx" ON "test_clocks" USING btree ("merchant_id","created_at") WHERE "test_clocks"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_test_clock_id_test_clocks_id_fk" FOREIGN KEY ("test_clock_id") REFERENCES "public"."test_clocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_test_clock_id_test_clocks_id_fk" FOREIGN KEY ("test_clock_id") REFERENCES "public"."test_clocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_intents_test_clock_idx" ON "payment_intents" USING btree ("test_clock_id") WHERE "payment_intents"."test_clock_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "events_object_sequence_key" ON "events" USING btree ("object_id","object_sequence") WHERE "events"."object_sequence" is not null;--> statement-breakpoint
CREATE INDEX "subscriptions_test_clock_idx" ON "subscriptions" USING btree ("test_clock_id") WHERE "subscriptions"."test_clock_id" is not null;