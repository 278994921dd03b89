ALTER TABLE "payment_intents" ADD COLUMN "pending_operation" varchar(16);--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "pending_operation_amount" bigint;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD COLUMN "pending_operation_at" timestamp with time zone;