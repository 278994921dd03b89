ALTER TYPE "public"."attempt_status" ADD VALUE 'requires_action' BEFORE 'succeeded';--> statement-breakpoint
ALTER TYPE "public"."intent_status" ADD VALUE 'requires_action' BEFORE 'authorized';--> statement-breakpoint
ALTER TABLE "payment_attempts" ALTER COLUMN "decline_code" SET DATA TYPE varchar(32);