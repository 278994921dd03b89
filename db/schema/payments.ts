import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { apiKeys, merchants } from "./accounts";
import { checkouts } from "./checkouts";
import { paymentLinks } from "./payment-links";
import { testClocks } from "./test-clocks";
import { at, createdAt, money, updatedAt, mode } from "./columns";

export const intentStatus = pgEnum("intent_status", [
  "requires_payment_method",
  "processing",
  /** Waiting for the buyer to authenticate with their bank (3-D Secure). */
  "requires_action",
  "authorized",
  "succeeded",
  "failed",
  "canceled",
  "expired",
  /** Paid on chain, but less than the amount by the time it expired: closed, with what arrived recorded. */
  "underpaid",
]);

/**
 * The API an intent was created through, by its name in lib/dialects/registry.ts. Plain text, not an
 * enum: a new dialect is a folder and a line in the registry, never a migration.
 */
export const dialect = (name: string) => varchar(name, { length: 32 });
export const uiMode = pgEnum("ui_mode", ["hosted", "embedded"]);
export const captureMethod = pgEnum("capture_method", ["automatic", "manual"]);
export const attemptStatus = pgEnum("attempt_status", ["processing", "requires_action", "succeeded", "authorized", "declined"]);

export type LineItem = { name: string; quantity: number; unitAmount: number };
export type IntentError = { code: string; declineCode: string | null; message: string };

export const cardTokens = pgTable(
  "card_tokens",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    brand: varchar("brand", { length: 20 }).notNull(),
    last4: varchar("last4", { length: 4 }).notNull(),
    expMonth: smallint("exp_month").notNull(),
    expYear: smallint("exp_year").notNull(),
    /** Keyed HMAC of the number: recognises the same card without being able to recover it. */
    fingerprint: varchar("fingerprint", { length: 64 }).notNull(),
    cardholderName: varchar("cardholder_name", { length: 200 }),
    /**
     * For a live card saved for renewals: the acquirer's customer and payment method that stand for
     * it there (never the card itself), so renewals are charged off-session through them.
     */
    acquirerCustomer: varchar("acquirer_customer", { length: 128 }),
    acquirerPaymentMethod: varchar("acquirer_payment_method", { length: 128 }),
    createdAt: createdAt(),
  },
  (t) => [index("card_tokens_merchant_fingerprint_idx").on(t.merchantId, t.fingerprint)],
);

export const paymentIntents = pgTable(
  "payment_intents",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    dialect: dialect("dialect").notNull(),
    mode: mode(),
    /** The key that created it, if one did: a site connected with its own key hears only of its own payments. */
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id),
    status: intentStatus("status").notNull().default("requires_payment_method"),
    amount: money("amount").notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    taxAmount: money("tax_amount").notNull().default(0),
    discountAmount: money("discount_amount").notNull().default(0),
    amountCaptured: money("amount_captured").notNull().default(0),
    amountRefunded: money("amount_refunded").notNull().default(0),
    description: text("description"),
    referenceId: varchar("reference_id", { length: 200 }),
    /** Set for dialects whose reference_id is unique per merchant (their definition says so), and held by an index. */
    referenceUnique: boolean("reference_unique").notNull().default(false),
    customerEmail: varchar("customer_email", { length: 254 }),
    customerName: varchar("customer_name", { length: 200 }),
    /** The buyer's language as the merchant gave it (one of lib/i18n's locales); null lets the browser say. */
    locale: varchar("locale", { length: 16 }),
    /**
     * What the buyer gave at the checkout, kept apart from what the merchant sent: the email for the
     * receipt (when the merchant sent none; a later attempt may correct it) and the language their
     * browser asked for (for the receipt, when the merchant named none).
     */
    buyerEmail: varchar("buyer_email", { length: 254 }),
    buyerLocale: varchar("buyer_locale", { length: 16 }),
    lineItems: jsonb("line_items").$type<LineItem[]>().notNull().default(sql`'[]'::jsonb`),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Fields only one dialect knows about (mutopay's fx_rate, mint's order_id, …), echoed back by that dialect. */
    dialectData: jsonb("dialect_data").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Which of the merchant's checkouts brands the page; null means the merchant's default. */
    checkoutId: varchar("checkout_id", { length: 64 }).references(() => checkouts.id),
    /** The payment link whose page made this intent, if one did. */
    paymentLinkId: varchar("payment_link_id", { length: 64 }).references(() => paymentLinks.id),
    /** Set for a recurring intent: once paid, it starts a subscription charged every N days. */
    recurringIntervalDays: integer("recurring_interval_days"),
    /** For a renewal: the subscription it bills and which period (2 is the first renewal). */
    subscriptionId: varchar("subscription_id", { length: 64 }),
    subscriptionPeriod: integer("subscription_period"),
    /** The test clock it lives on: its times are the clock's, and only advancing the clock expires or voids it. */
    testClockId: varchar("test_clock_id", { length: 64 }).references(() => testClocks.id),
    uiMode: uiMode("ui_mode").notNull().default("hosted"),
    captureMethod: captureMethod("capture_method").notNull().default("automatic"),
    successUrl: text("success_url"),
    cancelUrl: text("cancel_url"),
    clientSecret: varchar("client_secret", { length: 128 }).notNull(),
    attemptCount: integer("attempt_count").notNull().default(0),
    lastError: jsonb("last_error").$type<IntentError>(),
    cardTokenId: varchar("card_token_id", { length: 64 }).references(() => cardTokens.id),
    /**
     * For a payment made on chain: the transaction that paid it (the one that brought what arrived up
     * to the amount), what every dialect answers as tx_hash. Null for card payments.
     */
    txHash: varchar("tx_hash", { length: 66 }),
    expiresAt: at("expires_at").notNull(),
    authorizedAt: at("authorized_at"),
    /**
     * A capture or void sent to the acquirer and not yet settled. Set by one conditional update
     * before the call, so a capture and a void can never both go out for the same authorization.
     */
    pendingOperation: varchar("pending_operation", { length: 16 }).$type<"capture" | "void">(),
    pendingOperationAmount: money("pending_operation_amount"),
    pendingOperationAt: at("pending_operation_at"),
    succeededAt: at("succeeded_at"),
    canceledAt: at("canceled_at"),
    cancellationReason: varchar("cancellation_reason", { length: 40 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Newest first: DESC NULLS FIRST is what ORDER BY … DESC means, so the index serves that order
    // (one built DESC NULLS LAST made every list sort all of a merchant's intents).
    index("payment_intents_merchant_newest_idx").on(t.merchantId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // A payment link's payments, newest first (the dashboard's link page and the list's link filter).
    index("payment_intents_merchant_link_newest_idx")
      .on(t.merchantId, t.paymentLinkId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.paymentLinkId} is not null`),
    // The payments list filtered by status or dialect, newest first.
    index("payment_intents_merchant_status_newest_idx").on(t.merchantId, t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("payment_intents_merchant_dialect_newest_idx").on(t.merchantId, t.dialect, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Its search by part of a reference or an email (three characters or more).
    index("payment_intents_reference_trgm_idx").using("gin", t.referenceId.op("gin_trgm_ops")),
    index("payment_intents_email_trgm_idx").using("gin", t.customerEmail.op("gin_trgm_ops")),
    index("payment_intents_open_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'requires_payment_method'`),
    // The same sweep for intents waiting on the buyer's bank (requires_action). Named by what they
    // are not, because the migration that added that status runs in the same transaction as this
    // one, and PostgreSQL refuses a new enum value before its transaction commits.
    index("payment_intents_challenged_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} not in ('requires_payment_method', 'processing', 'authorized', 'succeeded', 'failed', 'canceled', 'expired')`),
    // A reference_id that its dialect declares unique per merchant and mode (a shop's test order
    // numbers may come again in live), and looked up by it.
    uniqueIndex("payment_intents_unique_reference_key")
      .on(t.merchantId, t.mode, t.dialect, t.referenceId)
      .where(sql`${t.referenceUnique}`),
    index("payment_intents_test_clock_idx").on(t.testClockId).where(sql`${t.testClockId} is not null`),
    uniqueIndex("payment_intents_subscription_period_key").on(t.subscriptionId, t.subscriptionPeriod),
    index("payment_intents_authorized_idx").on(t.authorizedAt).where(sql`${t.status} = 'authorized'`),
    // The reconciler's sweep of captures and voids that never heard back.
    index("payment_intents_pending_operation_idx").on(t.pendingOperationAt).where(sql`${t.pendingOperation} is not null`),
    check("payment_intents_amount_positive", sql`${t.amount} > 0`),
    check("payment_intents_refund_within_capture", sql`${t.amountRefunded} <= ${t.amountCaptured}`),
    check("payment_intents_capture_within_amount", sql`${t.amountCaptured} <= ${t.amount}`),
  ],
);

export const paymentAttempts = pgTable(
  "payment_attempts",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    intentId: varchar("intent_id", { length: 64 })
      .notNull()
      .references(() => paymentIntents.id, { onDelete: "cascade" }),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    /** 1-based; unique per intent, so two racing confirms can never both become attempt N. */
    number: smallint("number").notNull(),
    /** A plain increasing number for dialects that name charges by integer (mintro's charge_id). */
    chargeId: bigint("charge_id", { mode: "number" }).generatedAlwaysAsIdentity(),
    status: attemptStatus("status").notNull().default("processing"),
    amount: money("amount").notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    cardTokenId: varchar("card_token_id", { length: 64 })
      .notNull()
      .references(() => cardTokens.id),
    /** An ISO 8583 response code ("51") or a word for what no code covers ("authentication_failed"). */
    declineCode: varchar("decline_code", { length: 32 }),
    failureMessage: text("failure_message"),
    processorReference: varchar("processor_reference", { length: 128 }),
    /** Where the buyer answers the acquirer's 3-D Secure challenge, when it is not Kassa's own page. */
    challengeUrl: text("challenge_url"),
    createdAt: createdAt(),
    completedAt: at("completed_at"),
  },
  (t) => [
    uniqueIndex("payment_attempts_intent_number_key").on(t.intentId, t.number),
    // The reconciler's sweep of attempts whose process died before settling them.
    index("payment_attempts_processing_idx").on(t.createdAt).where(sql`${t.status} = 'processing'`),
  ],
);

export type PaymentIntent = typeof paymentIntents.$inferSelect;
export type PaymentAttempt = typeof paymentAttempts.$inferSelect;
export type CardToken = typeof cardTokens.$inferSelect;
export type IntentStatus = (typeof intentStatus.enumValues)[number];
/** A dialect's name; lib/dialects/registry.ts knows which exist. */
export type Dialect = string;
