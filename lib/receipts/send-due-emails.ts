import { and, eq, sql } from "drizzle-orm";
import { checkouts, emailMessages, merchants, refunds, type EmailMessage, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { queryRows } from "@/db/rows";
import { brandingOf } from "@/lib/checkout/get-checkout";
import { logError } from "@/lib/errors/log-error";
import { DEFAULT_LOCALE, matchLocale } from "@/lib/i18n/locales";
import { getIntentDetails } from "@/lib/intents/read-intent-details";
import { mailTransport, type MailTransport } from "./mail-transport";
import { findDeposit } from "@/lib/stablecoins/open-deposit";
import { formatUnits } from "@/lib/stablecoins/token-amount";
import { renderReceipt, type OnChainPayment, type RenderedEmail } from "./render-receipt";
import { instanceId } from "@/lib/worker/instance-id";

/** How long a worker holds the email it is sending: longer than the SMTP client's own time limits. */
const LEASE_SECONDS = 180;
/** Tries before an email is given up as failed: about a day with the backoff below. */
export const MAX_EMAIL_ATTEMPTS = 8;

/**
 * Sends the receipts that are due, up to `limit`, one at a time, each claimed (SKIP LOCKED) under
 * its own lease just before it is sent, so a lease never runs out while the email waits its turn.
 * Without an SMTP server each is kept in the dashboard's mailbox instead. Returns how many it handled.
 */
export async function sendDueEmails(db: Db, transport: MailTransport | null = mailTransport(), limit = 10): Promise<number> {
  let handled = 0;
  for (; handled < limit; handled++) {
    const [email] = await claimDueEmails(db, 1);
    if (!email) break;
    await sendOne(db, email, transport);
  }
  return handled;
}

async function claimDueEmails(db: Db, limit: number): Promise<EmailMessage[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      with due as (
        select id from ${emailMessages}
        where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and locked_until < now())
        order by next_attempt_at
        limit ${limit}
        for update skip locked
      )
      update ${emailMessages} email
      set status = 'sending', locked_until = now() + make_interval(secs => ${LEASE_SECONDS}), locked_by = ${instanceId()},
          attempt_count = email.attempt_count + 1
      from due where email.id = due.id
      returning email.*`,
  );
  return rows.map((row) => fromRow(emailMessages, row));
}

async function sendOne(db: Db, email: EmailMessage, transport: MailTransport | null): Promise<void> {
  let rendered: RenderedEmail & { fromName: string };
  try {
    rendered = await renderEmail(db, email);
  } catch (error) {
    // Most likely the database, for a moment: try again later, as for a refusing SMTP server.
    logError(`could not render email ${email.id}`, error);
    return retryLater(db, email, "Kassa could not write this email; see the server log.");
  }
  if (!transport) return finish(db, email, { status: "stored", ...bodies(rendered) });
  try {
    await transport.send({ id: email.id, fromName: rendered.fromName, to: email.recipient, subject: rendered.subject, text: rendered.text, html: rendered.html });
    await finish(db, email, { status: "sent", ...bodies(rendered) });
  } catch (error) {
    // What the SMTP server said, for the mailbox; the whole error, with its stack, for the log.
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    logError(`SMTP refused email ${email.id} (try ${email.attemptCount})`, error);
    await retryLater(db, email, message, bodies(rendered));
  }
}

/** Pending again after a backoff; failed for good after MAX_EMAIL_ATTEMPTS tries. */
async function retryLater(db: Db, email: EmailMessage, lastError: string, rendered: Partial<typeof emailMessages.$inferInsert> = {}): Promise<void> {
  if (email.attemptCount >= MAX_EMAIL_ATTEMPTS) return finish(db, email, { status: "failed", lastError, ...rendered });
  await db
    .update(emailMessages)
    .set({ status: "pending", lockedUntil: null, lastError, nextAttemptAt: sql`now() + make_interval(secs => ${retryDelaySeconds(email.attemptCount)})` })
    .where(heldBy(email));
}

/**
 * Only while this worker still holds the email: its try is the latest (attempt_count is bumped by
 * every claim). A worker that lost its lease changes nothing another worker has written.
 */
function heldBy(email: EmailMessage) {
  return and(eq(emailMessages.id, email.id), eq(emailMessages.status, "sending"), eq(emailMessages.attemptCount, email.attemptCount));
}

/** 1, 2, 4 … minutes, at most an hour apart. */
function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 60 * 2 ** Math.max(0, attempts - 1));
}

function bodies(rendered: RenderedEmail) {
  return { subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html };
}

async function finish(db: Db, email: EmailMessage, set: Partial<typeof emailMessages.$inferInsert>): Promise<void> {
  await db
    .update(emailMessages)
    .set({ lockedUntil: null, completedAt: sql`now()`, ...set })
    .where(heldBy(email));
}

/** The receipt as of now, in the buyer's language (the merchant's locale, else the buyer's browser's, else English). */
async function renderEmail(db: Db, email: EmailMessage): Promise<RenderedEmail & { fromName: string }> {
  const intent = await getIntentDetails(db, email.merchantId, email.intentId);
  const [merchant] = await db.select().from(merchants).where(eq(merchants.id, email.merchantId));
  const [checkout] = intent.checkoutId ? await db.select().from(checkouts).where(eq(checkouts.id, intent.checkoutId)) : [];
  const [refund] = email.refundId ? await db.select().from(refunds).where(eq(refunds.id, email.refundId)) : [];
  const branding = brandingOf(merchant!, checkout ?? null);
  const rendered = renderReceipt({
    kind: email.kind,
    intent,
    merchant: merchant!,
    branding,
    refund: refund ?? null,
    locale: matchLocale(intent.locale ?? intent.buyerLocale) ?? DEFAULT_LOCALE,
    at: refund?.createdAt ?? intent.succeededAt ?? email.createdAt,
    onChain: await onChainPayment(db, intent),
  });
  return { ...rendered, fromName: `${branding.name} via Kassa` };
}

/** What an intent paid on chain received in time, in the token: the buyer's side of the receipt. */
async function onChainPayment(db: Db, intent: PaymentIntent): Promise<OnChainPayment | null> {
  if (!intent.txHash) return null;
  const deposit = await findDeposit(db, intent.id, intent.merchantId);
  if (!deposit) return null;
  return { amount: formatUnits(BigInt(deposit.amountConfirmed), deposit.tokenDecimals), token: deposit.tokenSymbol, network: deposit.chain };
}
