import type { PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { minorToDecimal } from "@/lib/money/decimal";
import { PAYMENT_STATUS_LABELS, paymentStatus } from "./payment-status";
import { searchPayments, type PaymentSearch } from "./search-payments";
import { type Owner } from "@/db/owner";

const COLUMNS = ["id", "created_at", "status", "currency", "amount", "captured", "refunded", "net", "description", "reference", "customer_email", "dialect", "tx_hash"] as const;
/** Read a page at a time, so an export of any size never holds more than this in memory. */
const PAGE = 500;

/**
 * The payments the list's filters select, as CSV lines (RFC 4180), newest first: amounts as
 * decimals in their currency, the status as the dashboard labels it, and for a payment made on
 * chain its transaction.
 */
export async function* paymentsCsv(db: Db, owner: Owner, filters: PaymentSearch): AsyncGenerator<string> {
  yield `${COLUMNS.join(",")}\r\n`;
  let after: string | undefined;
  for (;;) {
    const { payments, hasOlder } = await searchPayments(db, owner, { ...filters, before: undefined, after, limit: PAGE });
    for (const payment of payments) yield `${row(payment).map(csvField).join(",")}\r\n`;
    if (!hasOlder || payments.length === 0) return;
    after = payments.at(-1)!.id;
  }
}

function row(payment: PaymentIntent): string[] {
  const money = (minor: number) => minorToDecimal(minor, payment.currency);
  return [
    payment.id,
    payment.createdAt.toISOString(),
    PAYMENT_STATUS_LABELS[paymentStatus(payment)],
    payment.currency,
    money(payment.amount),
    money(payment.amountCaptured),
    money(payment.amountRefunded),
    money(payment.amountCaptured - payment.amountRefunded),
    payment.description ?? "",
    payment.referenceId ?? "",
    payment.customerEmail ?? payment.buyerEmail ?? "",
    payment.dialect,
    // A payment made on chain: its transaction, to find it on the chain and in the merchant's wallet.
    payment.txHash ?? "",
  ];
}

/**
 * A value a spreadsheet would run as a formula (=, +, -, @, tab or CR first, after any spaces) gets a
 * leading apostrophe, since descriptions and references come from the merchant's buyers. And it is
 * quoted whenever it holds a separator of any locale's CSV, not only the comma: Excel in German,
 * French or Dutch splits on the semicolon, so an unquoted `x;=1+1` would become a cell `=1+1`.
 */
export function csvField(value: string): string {
  const safe = /^\s*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\t|\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
