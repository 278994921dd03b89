import type { PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { decimalToMinor } from "@/lib/money/decimal";
import { consumeRateLimit } from "@/lib/rate-limits/consume-rate-limit";
import { findLinkBySlug, type PublicPaymentLink } from "./find-link-by-slug";
import { linkAsksBuyer, openPaymentLink, type LinkChoice } from "./open-payment-link";
import { payableRange, type PayableRange } from "./payable-range";

/** Checkouts one address may open through links per minute: plenty for people, not for a script filling the table. */
export const OPENS_PER_MINUTE = { limit: 30, windowSeconds: 60 };

/** Which of the buyer's fields a link asks for, when what they typed does not do. */
export type LinkFormError = "amount" | "quantity" | null;

/** What a visit to a link's page comes to: a checkout to go on to, a question, or why neither. */
export type LinkVisit =
  | { outcome: "not_found" }
  | { outcome: "inactive"; found: PublicPaymentLink }
  | { outcome: "choose"; found: PublicPaymentLink; range: PayableRange; error: LinkFormError; typed: string }
  | { outcome: "rate_limited"; retryAfterSeconds: number }
  | { outcome: "checkout"; intent: PaymentIntent };

/**
 * - `look`: a HEAD (a link checker, a preview) learns whether the link can be paid, and opens nothing;
 * - `open`: a GET opens a checkout unless the link asks the buyer first;
 * - `answer`: a POST of what the buyer typed in the link's own form.
 */
export type LinkRequest = { kind: "look" } | { kind: "open" } | { kind: "answer"; field: (name: string) => string };

/**
 * One visit to a payment link's page. Each open makes a fresh payment intent; a link whose price the
 * buyer completes (an amount, a quantity) asks first; a link turned off, or of a merchant that may not
 * take money, or whose price the merchant's minimum has left nothing of, is inactive.
 */
export async function visitPaymentLink(db: Db, slug: string, request: LinkRequest, clientAddress: string): Promise<LinkVisit> {
  const found = await findLinkBySlug(db, slug);
  if (!found) return { outcome: "not_found" };
  const range = payableRange(found);
  if (!found.link.active || found.merchant.status !== "active" || !range) return { outcome: "inactive", found };
  const ask = (error: LinkFormError, typed: string): LinkVisit => ({ outcome: "choose", found, range, error, typed });
  if (request.kind === "look") return ask(null, "");
  if (!linkAsksBuyer(found.link)) return open(db, found, {}, clientAddress);
  if (request.kind === "open") return ask(null, "");
  const field = "minAmount" in range ? "amount" : "quantity";
  const typed = request.field(field).trim().slice(0, 20);
  const choice = parseChoice(found, typed);
  if (!choice) return ask(field, typed);
  try {
    return await open(db, found, choice, clientAddress);
  } catch (error) {
    // amount_too_small only if the merchant's minimum rose since the range was read.
    if (isAppError(error) && ["amount_invalid", "parameter_invalid", "amount_too_small"].includes(error.code)) return ask(field, typed);
    throw error;
  }
}

function parseChoice({ link }: PublicPaymentLink, typed: string): LinkChoice | null {
  if (link.amount === null) {
    const parsed = decimalToMinor(typed.replace(",", "."), link.currency);
    return parsed.ok ? { amount: parsed.minor } : null;
  }
  return /^\d{1,4}$/.test(typed) ? { quantity: Number(typed) } : null;
}

async function open(db: Db, found: PublicPaymentLink, choice: LinkChoice, clientAddress: string): Promise<LinkVisit> {
  const limited = await consumeRateLimit(db, `link-open:${clientAddress}`, OPENS_PER_MINUTE);
  if (!limited.allowed) return { outcome: "rate_limited", retryAfterSeconds: OPENS_PER_MINUTE.windowSeconds };
  return { outcome: "checkout", intent: await openPaymentLink(db, found, choice) };
}
