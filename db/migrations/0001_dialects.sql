CREATE TYPE "public"."subscription_status" AS ENUM('active', 'past_due', 'canceled');--> statement-breakpoint
CREATE TABLE "checkouts" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"name" varchar(200) NOT NULL,
	"display_name" varchar(200),
	"brand_color" varchar(7),
	"logo_url" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"intent_id" varchar(64) NOT NULL,
	"card_token_id" varchar(64) NOT NULL,
	"dialect" "dialect" NOT NULL,
	"status" "subscription_status" DEFAULT 'active' NOT NULL,
	"amount" bigint NOT NULL,
	"currency" varchar(3) NOT NULL,
	"interval_days" integer NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"current_period_start" timestamp with time zone NOT NULL,
	"current_period_end" timestamp with time zone NOT NULL,
	"canceled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_windows" (
	"key" varchar(100) NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_windows_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "minimum_amounts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "charge_id" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "payment_attempts_charge_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "checkout_id" varchar(64);--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "recurring_interval_days" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "subscription_id" varchar(64);--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_intent_id_payment_intents_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."payment_intents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_card_token_id_card_tokens_id_fk" FOREIGN KEY ("card_token_id") REFERENCES "public"."card_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkouts_merchant_idx" ON "checkouts" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "checkouts_one_default_per_merchant" ON "checkouts" USING btree ("merchant_id") WHERE "checkouts"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_intent_key" ON "subscriptions" USING btree ("intent_id");--> statement-breakpoint
CREATE INDEX "subscriptions_merchant_created_idx" ON "subscriptions" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE INDEX "rate_limit_windows_start_idx" ON "rate_limit_windows" USING btree ("window_start");--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_checkout_id_checkouts_id_fk" FOREIGN KEY ("checkout_id") REFERENCES "public"."checkouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_mintro_reference_key" ON "payment_intents" USING btree ("merchant_id","reference_id") WHERE "payment_intents"."dialect" = 'mintro';