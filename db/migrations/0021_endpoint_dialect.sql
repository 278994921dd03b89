-- A dialect object's id is unique per merchant only: merchants choose some of them (a product's).
ALTER TABLE "dialect_objects" DROP CONSTRAINT "dialect_objects_pkey";--> statement-breakpoint
ALTER TABLE "dialect_objects" ADD CONSTRAINT "dialect_objects_merchant_id_id_pk" PRIMARY KEY("merchant_id","id");--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "dialect" varchar(32);--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "dialect_data" jsonb DEFAULT '{}'::jsonb NOT NULL;
