import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { findDemoMerchant } from "@/lib/accounts/demo";
import { isAppError } from "@/lib/errors/app-error";
import { getIntent } from "@/lib/intents/get-intent";
import { formatMoney } from "@/lib/money/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Order complete" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The merchant's success_url: it checks the intent on the server instead of trusting the redirect. */
export default async function DemoComplete({ searchParams }: Props) {
  const query = await searchParams;
  const intentId = typeof query.payment_intent === "string" ? query.payment_intent : "";
  const db = await getDb();
  const merchant = await findDemoMerchant(db);
  const intent = merchant && intentId ? await getIntent(db, merchant.id, intentId).catch((error) => (isAppError(error) ? null : Promise.reject(error))) : null;
  const paid = intent?.status === "succeeded";
  return (
    <main className="mx-auto max-w-lg px-6 py-20 text-center">
      <p className="text-lg font-bold tracking-tight text-teal-800">Northwind Coffee Roasters</p>
      <h1 className="mt-6 text-3xl font-semibold text-slate-900">{paid ? "Thank you for your order" : "Payment not completed"}</h1>
      {intent ? (
        <p className="mt-3 text-slate-700">
          {paid
            ? `We received ${formatMoney(intent.amount, intent.currency)}. Your coffee will be roasted and shipped within two days.`
            : `The payment is ${intent.status.replaceAll("_", " ")}.`}
        </p>
      ) : (
        <p className="mt-3 text-slate-700">We could not find this payment.</p>
      )}
      <dl className="mx-auto mt-6 max-w-xs text-left text-sm text-slate-600">
        <dt className="font-medium text-slate-800">Payment intent</dt>
        <dd data-testid="payment-intent" className="break-all font-mono">{intentId || "none"}</dd>
        <dt className="mt-2 font-medium text-slate-800">Status (checked on the server)</dt>
        <dd data-testid="payment-status" className="font-mono">{intent?.status ?? "unknown"}</dd>
      </dl>
      <Link href="/demo" className="mt-8 inline-block rounded-lg bg-teal-700 px-5 py-3 font-semibold text-white hover:bg-teal-800">
        Back to the store
      </Link>
    </main>
  );
}
