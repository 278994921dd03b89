-- A dialect is a name in lib/dialects/registry.ts, not an enum: adding one needs no migration.
DROP INDEX "payment_intents_mintro_reference_key";--> statement-breakpoint
ALTER TABLE "payment_intents" ALTER COLUMN "dialect" SET DATA TYPE varchar(32) USING "dialect"::text;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "dialect" SET DATA TYPE varchar(32) USING "dialect"::text;--> statement-breakpoint
ALTER TABLE "subscriptions" ALTER COLUMN "dialect" SET DATA TYPE varchar(32) USING "dialect"::text;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "reference_unique" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The one dialect whose definition declares its reference_id unique per merchant (uniqueReferences).
UPDATE "payment_intents" SET "reference_unique" = true WHERE "dialect" = 'mintro' AND "reference_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_unique_reference_key" ON "payment_intents" USING btree ("merchant_id","dialect","reference_id") WHERE "payment_intents"."reference_unique";--> statement-breakpoint
DROP TYPE "public"."dialect";
