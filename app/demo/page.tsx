import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { demoEnabled, findDemoMerchant } from "@/lib/accounts/demo";
import { DemoStore } from "@/components/demo/demo-store";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Demo store" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DemoPage({ searchParams }: Props) {
  const query = await searchParams;
  const merchant = demoEnabled() ? await findDemoMerchant(await getDb()) : null;
  return (
    <div className="min-h-screen bg-stone-50">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
          <p className="text-lg font-bold tracking-tight text-teal-800">Northwind Coffee Roasters</p>
          <p className="rounded-full bg-amber-100 px-3 py-1 text-xs font-semibold text-amber-900">Demo store · test mode</p>
        </div>
      </header>
      <main className="mx-auto max-w-6xl space-y-8 px-6 py-10">
        <div className="max-w-3xl">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Freshly roasted, paid with Kassa</h1>
          <p className="mt-3 text-slate-700">
            This page plays the merchant. When you check out, its server creates a payment intent for the demo merchant and
            hands you to Kassa&apos;s checkout, either by redirect or embedded in this page.
          </p>
        </div>
        {typeof query.canceled === "string" && (
          <p role="status" className="rounded-lg border border-stone-300 bg-white px-4 py-3 text-sm text-slate-800">
            Payment canceled: nothing was charged for order <span className="font-mono">{query.canceled}</span>.
          </p>
        )}
        {merchant ? (
          <DemoStore />
        ) : (
          <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
            The demo merchant is off. Start Kassa without <code>KASSA_DEMO=off</code> to use the demo store.
          </p>
        )}
      </main>
    </div>
  );
}
