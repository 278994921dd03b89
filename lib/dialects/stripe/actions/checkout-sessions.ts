import type { z } from "zod";
import { ownerOf, type Account, type Owner } from "@/db/owner";
import type { Db } from "@/db/client";
import { getDialectObject } from "@/lib/dialect-objects/get-dialect-object";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/events/record-event";
import { matchLocale } from "@/lib/i18n/locales";
import { MAX_MINOR_AMOUNT } from "@/lib/money/decimal";
import { createIntent } from "@/lib/intents/create-intent";
import { newObjectId, newPaymentIntentId } from "../ids";
import type { CustomerData, PriceData, ProductData } from "../render/catalog";
import type { createSessionBody } from "../schemas/checkout-sessions";
import type { SessionData, SessionLineItem, SessionPrice } from "../session-data";
import { customerClock } from "./customer-clock";

type Body = z.infer<typeof createSessionBody>;
type LineItemParam = NonNullable<Body["line_items"]>[number];

/** Stripe allows a session to stay open from 30 minutes to 24 hours; 24 hours unless it says. */
const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 3600;

/**
 * Kassa bills a subscription every N days. Stripe's intervals become days: a month is 30 of them, a
 * year 365, so a monthly subscription renews every 30 days rather than on the same date each month.
 */
const INTERVAL_DAYS = { day: 1, week: 7, month: 30, year: 365 } as const;

const invalid = (message: string, param: string) => new AppError("parameter_invalid", message, { param });

async function productName(db: Db, owner: Owner, productId: string, param: string): Promise<Pick<SessionPrice, "product" | "product_name" | "product_description">> {
  const product = await getDialectObject(db, owner, "stripe", "product", productId, param);
  const data = product.data as ProductData;
  return { product: product.id, product_name: data.name, product_description: data.description };
}

/** A line item's price: a stored Price by id, or one made inline from price_data. */
async function priceOf(db: Db, owner: Owner, item: LineItemParam, index: number): Promise<SessionPrice> {
  const at = `line_items[${index}]`;
  if (item.price) {
    const price = await getDialectObject(db, owner, "stripe", "price", item.price, `${at}[price]`);
    const data = price.data as PriceData;
    if (!data.active) throw invalid(`The price ${price.id} is not active and cannot be used in a Checkout Session.`, `${at}[price]`);
    return { id: price.id, unit_amount: data.unit_amount, currency: data.currency, recurring: data.recurring, ...(await productName(db, owner, data.product, `${at}[price]`)) };
  }
  const inline = item.price_data!;
  const product = inline.product
    ? await productName(db, owner, inline.product, `${at}[price_data][product]`)
    : { product: newObjectId("prod"), product_name: inline.product_data!.name, product_description: inline.product_data!.description ?? null };
  const recurring = inline.recurring ? { interval: inline.recurring.interval, interval_count: inline.recurring.interval_count ?? 1 } : null;
  return { id: newObjectId("price"), unit_amount: inline.unit_amount, currency: inline.currency, recurring, ...product };
}

/** The session's items, checked as Stripe checks them: one currency, and recurring prices exactly in subscription mode. */
async function lineItemsOf(db: Db, owner: Owner, body: Body): Promise<SessionLineItem[]> {
  if (!body.line_items?.length) throw new AppError("parameter_missing", "Missing required param: line_items.", { param: "line_items" });
  const items = await Promise.all(body.line_items.map(async (item, index) => ({ price: await priceOf(db, owner, item, index), quantity: item.quantity ?? 1 })));
  items.forEach(({ price }, index) => {
    if (price.currency !== items[0]!.price.currency) throw invalid("All line items must be in the same currency.", `line_items[${index}]`);
    if (body.mode === "payment" && price.recurring) throw invalid("You must be in subscription mode to use a recurring price.", `line_items[${index}]`);
    if (body.mode === "subscription" && !price.recurring) {
      throw invalid("Kassa bills every item of a subscription each period: in subscription mode every price must be recurring.", `line_items[${index}]`);
    }
    const [first, own] = [items[0]!.price.recurring, price.recurring];
    if (own && first && (own.interval !== first.interval || own.interval_count !== first.interval_count)) {
      throw invalid("All recurring prices of a subscription must have the same interval.", `line_items[${index}]`);
    }
  });
  return items;
}

/** The session's total, refused past the largest amount Kassa takes (an exact integer, far below 2^53). */
function totalOf(items: SessionLineItem[]): number {
  let total = 0;
  items.forEach(({ price, quantity }, index) => {
    total += price.unit_amount * quantity;
    if (total > MAX_MINOR_AMOUNT) throw invalid(`The line items add up to more than ${MAX_MINOR_AMOUNT}, the most one payment can be.`, `line_items[${index}]`);
  });
  return total;
}

function expiresIn(body: Body): number {
  if (body.expires_at === undefined) return MAX_EXPIRY_SECONDS;
  const seconds = body.expires_at - Math.floor(Date.now() / 1000);
  if (seconds < MIN_EXPIRY_SECONDS || seconds > MAX_EXPIRY_SECONDS + 60) {
    throw invalid("The expires_at timestamp must be between 30 minutes and 24 hours from now.", "expires_at");
  }
  return Math.min(seconds, MAX_EXPIRY_SECONDS);
}

function checkWayBack(body: Body, embedded: boolean): void {
  if (body.mode === "setup") throw invalid("Kassa takes payments and subscriptions: mode=setup is not supported.", "mode");
  if (embedded && body.success_url) throw invalid("An embedded session returns to return_url: success_url cannot be used with ui_mode=embedded.", "success_url");
  if (embedded && !body.return_url) throw new AppError("parameter_missing", "Missing required param: return_url.", { param: "return_url" });
  if (!embedded && body.return_url) throw invalid("return_url can only be used with ui_mode=embedded.", "return_url");
  if (body.customer && body.customer_email) throw invalid("You may only specify one of these parameters: customer, customer_email.", "customer_email");
  if (body.mode === "subscription" && body.payment_intent_data) throw invalid("payment_intent_data can only be used in payment mode.", "payment_intent_data");
}

/** A Checkout Session: a Kassa intent paid on Kassa's page, with what Stripe's integrations read back. */
export async function createCheckoutSession(db: Db, merchant: Account, body: Body, actor: Actor) {
  const owner = ownerOf(merchant);
  const embedded = body.ui_mode === "embedded";
  checkWayBack(body, embedded);
  const items = await lineItemsOf(db, owner, body);
  const amount = totalOf(items);
  if (amount < 1) throw invalid("The line items add up to nothing: Kassa takes payments of at least one minor unit.", "line_items");
  const customer = body.customer ? await getDialectObject(db, owner, "stripe", "customer", body.customer, "customer") : null;
  const recurring = items[0]!.price.recurring;
  const session: SessionData = {
    mode: body.mode === "subscription" ? "subscription" : "payment",
    ui_mode: embedded ? "embedded" : "hosted",
    success_url: body.success_url ?? null,
    cancel_url: body.cancel_url ?? null,
    return_url: body.return_url ?? null,
    client_reference_id: body.client_reference_id ?? null,
    customer: customer?.id ?? null,
    customer_email: body.customer_email ?? null,
    locale: body.locale ?? null,
    metadata: body.metadata ?? {},
    line_items: items,
  };
  const intentFields = body.mode === "subscription" ? body.subscription_data : body.payment_intent_data;
  return createIntent(
    db,
    merchant,
    {
      dialect: "stripe",
      id: newPaymentIntentId(),
      amount,
      currency: items[0]!.price.currency,
      description: intentFields?.description ?? null,
      referenceId: body.client_reference_id ?? null,
      customerEmail: body.customer_email ?? body.payment_intent_data?.receipt_email ?? (customer?.data as CustomerData | undefined)?.email ?? null,
      locale: matchLocale(body.locale === "auto" ? null : body.locale),
      lineItems: items.map(({ price, quantity }) => ({ name: price.product_name, quantity, unitAmount: price.unit_amount })),
      metadata: intentFields?.metadata ?? {},
      uiMode: session.ui_mode,
      captureMethod: body.payment_intent_data?.capture_method === "manual" ? "manual" : "automatic",
      successUrl: embedded ? body.return_url! : (body.success_url ?? null),
      cancelUrl: embedded ? null : (body.cancel_url ?? null),
      expiresInSeconds: expiresIn(body),
      recurringIntervalDays: recurring ? INTERVAL_DAYS[recurring.interval] * recurring.interval_count : null,
      dialectData: { checkout_session: session, customer: customer?.id ?? null },
      testClockId: await customerClock(db, owner, customer),
    },
    actor,
  );
}
