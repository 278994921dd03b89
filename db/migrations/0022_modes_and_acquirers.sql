CREATE TYPE "public"."mode" AS ENUM('test', 'live');--> statement-breakpoint
CREATE TABLE "merchant_acquirers" (
	"merchant_id" uuid PRIMARY KEY NOT NULL,
	"type" varchar(32) NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"secret_last4" varchar(4) NOT NULL,
	"webhook_secret_ciphertext" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "mode" "mode" DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "card_tokens" ADD COLUMN "acquirer_customer" varchar(128);--> statement-breakpoint
ALTER TABLE "card_tokens" ADD COLUMN "acquirer_payment_method" varchar(128);--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "challenge_url" text;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "mode" "mode" DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "mode" "mode" DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "mode" "mode" DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "mode" "mode" DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "mode" "mode" DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "mode" "mode" DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "mode" "mode" DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "dialect_objects" ADD COLUMN "mode" "mode" DEFAULT 'test' NOT NULL;--> statement-breakpoint
ALTER TABLE "merchant_acquirers" ADD CONSTRAINT "merchant_acquirers_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;