DROP INDEX "payment_intents_merchant_created_idx";--> statement-breakpoint
DROP INDEX "payment_intents_merchant_status_idx";--> statement-breakpoint
CREATE INDEX "payment_attempts_processing_idx" ON "payment_attempts" USING btree ("created_at") WHERE "payment_attempts"."status" = 'processing';--> statement-breakpoint
CREATE INDEX "payment_intents_merchant_newest_idx" ON "payment_intents" USING btree ("merchant_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "payment_intents_merchant_status_newest_idx" ON "payment_intents" USING btree ("merchant_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "payment_intents_merchant_dialect_newest_idx" ON "payment_intents" USING btree ("merchant_id","dialect","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "payment_intents_reference_trgm_idx" ON "payment_intents" USING gin ("reference_id" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "payment_intents_email_trgm_idx" ON "payment_intents" USING gin ("customer_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "payment_intents_pending_operation_idx" ON "payment_intents" USING btree ("pending_operation_at") WHERE "payment_intents"."pending_operation" is not null;--> statement-breakpoint
CREATE INDEX "refunds_pending_idx" ON "refunds" USING btree ("created_at") WHERE "refunds"."status" = 'pending';