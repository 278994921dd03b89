CREATE TYPE "public"."stablecoin_transfer_state" AS ENUM('seen', 'final', 'removed');--> statement-breakpoint
ALTER TYPE "public"."intent_status" ADD VALUE 'underpaid';--> statement-breakpoint
CREATE TABLE "chain_cursors" (
	"chain_id" integer NOT NULL,
	"token_address" varchar(42) NOT NULL,
	"next_block" bigint NOT NULL,
	"head_block" bigint,
	"read_at" timestamp with time zone,
	"locked_by" varchar(200),
	"locked_until" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_cursors_chain_id_token_address_pk" PRIMARY KEY("chain_id","token_address")
);
--> statement-breakpoint
CREATE TABLE "stablecoin_deposits" (
	"intent_id" varchar(64) PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"mode" "mode" DEFAULT 'test' NOT NULL,
	"chain" varchar(32) NOT NULL,
	"chain_id" integer NOT NULL,
	"token_address" varchar(42) NOT NULL,
	"token_symbol" varchar(16) NOT NULL,
	"token_decimals" smallint NOT NULL,
	"address" varchar(42) NOT NULL,
	"derivation_index" integer NOT NULL,
	"rate" varchar(40) NOT NULL,
	"amount_due" numeric(78, 0) NOT NULL,
	"amount_received" numeric(78, 0) DEFAULT '0' NOT NULL,
	"amount_confirmed" numeric(78, 0) DEFAULT '0' NOT NULL,
	"amount_late" numeric(78, 0) DEFAULT '0' NOT NULL,
	"watch_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stablecoin_deposits_amount_due_positive" CHECK ("stablecoin_deposits"."amount_due" > 0)
);
--> statement-breakpoint
CREATE TABLE "stablecoin_transfers" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"tx_hash" varchar(66) NOT NULL,
	"log_index" integer NOT NULL,
	"intent_id" varchar(64) NOT NULL,
	"merchant_id" uuid NOT NULL,
	"token_address" varchar(42) NOT NULL,
	"from_address" varchar(42) NOT NULL,
	"to_address" varchar(42) NOT NULL,
	"value" numeric(78, 0) NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" varchar(66) NOT NULL,
	"block_time" timestamp with time zone NOT NULL,
	"state" "stablecoin_transfer_state" DEFAULT 'seen' NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"final_at" timestamp with time zone,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "stablecoin_xpub" varchar(120);--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "stablecoin_next_index" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "tx_hash" varchar(66);--> statement-breakpoint
ALTER TABLE "stablecoin_deposits" ADD CONSTRAINT "stablecoin_deposits_intent_id_payment_intents_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."payment_intents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stablecoin_deposits" ADD CONSTRAINT "stablecoin_deposits_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stablecoin_transfers" ADD CONSTRAINT "stablecoin_transfers_intent_id_stablecoin_deposits_intent_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."stablecoin_deposits"("intent_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stablecoin_transfers" ADD CONSTRAINT "stablecoin_transfers_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stablecoin_deposits_address_key" ON "stablecoin_deposits" USING btree ("address");--> statement-breakpoint
CREATE UNIQUE INDEX "stablecoin_deposits_merchant_index_key" ON "stablecoin_deposits" USING btree ("merchant_id","derivation_index");--> statement-breakpoint
CREATE INDEX "stablecoin_deposits_watched_idx" ON "stablecoin_deposits" USING btree ("chain_id","token_address","watch_until");--> statement-breakpoint
CREATE UNIQUE INDEX "stablecoin_transfers_log_key" ON "stablecoin_transfers" USING btree ("chain_id","tx_hash","log_index");--> statement-breakpoint
CREATE INDEX "stablecoin_transfers_intent_idx" ON "stablecoin_transfers" USING btree ("intent_id","block_number");--> statement-breakpoint
CREATE INDEX "stablecoin_transfers_unfinal_idx" ON "stablecoin_transfers" USING btree ("chain_id","block_number") WHERE "stablecoin_transfers"."state" = 'seen';--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_stablecoin_xpub_key" ON "merchants" USING btree ("stablecoin_xpub") WHERE "merchants"."stablecoin_xpub" is not null;