ALTER TABLE "payment_intents" ADD COLUMN "buyer_email" varchar(254);--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "buyer_locale" varchar(16);