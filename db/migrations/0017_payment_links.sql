CREATE TABLE "payment_links" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"slug" varchar(32) NOT NULL,
	"name" varchar(200) NOT NULL,
	"currency" varchar(3) NOT NULL,
	"amount" bigint,
	"min_amount" bigint,
	"max_amount" bigint,
	"line_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_quantity" integer,
	"success_url" text,
	"active" boolean DEFAULT true NOT NULL,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_links_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "payment_link_id" varchar(64);--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_links_merchant_newest_idx" ON "payment_links" USING btree ("merchant_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_payment_link_id_payment_links_id_fk" FOREIGN KEY ("payment_link_id") REFERENCES "public"."payment_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_intents_merchant_link_newest_idx" ON "payment_intents" USING btree ("merchant_id","payment_link_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "payment_intents"."payment_link_id" is not null;