ALTER TABLE "stablecoin_deposits" ADD COLUMN "reread_from" integer;--> statement-breakpoint
ALTER TABLE "stablecoin_deposits" ADD COLUMN "reread_tried_at" timestamp with time zone;