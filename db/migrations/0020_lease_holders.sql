ALTER TABLE "webhook_deliveries" ADD COLUMN "locked_by" varchar(200);--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "locked_by" varchar(200);