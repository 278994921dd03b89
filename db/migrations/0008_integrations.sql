ALTER TYPE "public"."dialect" ADD VALUE 'gateway';--> statement-breakpoint
CREATE TABLE "connected_sites" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"site_name" varchar(200) NOT NULL,
	"platform" varchar(40),
	"api_key_id" uuid NOT NULL,
	"webhook_endpoint_id" varchar(64) NOT NULL,
	"connected_by" uuid,
	"exchange_token_hash" varchar(64) NOT NULL,
	"exchange_expires_at" timestamp with time zone NOT NULL,
	"pending_credentials" text,
	"exchanged_at" timestamp with time zone,
	"disconnected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "dialect" "dialect";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "connected_sites" ADD CONSTRAINT "connected_sites_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connected_sites" ADD CONSTRAINT "connected_sites_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connected_sites" ADD CONSTRAINT "connected_sites_webhook_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("webhook_endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connected_sites" ADD CONSTRAINT "connected_sites_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connected_sites_exchange_token_key" ON "connected_sites" USING btree ("exchange_token_hash");--> statement-breakpoint
CREATE INDEX "connected_sites_merchant_idx" ON "connected_sites" USING btree ("merchant_id") WHERE "connected_sites"."disconnected_at" is null;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;