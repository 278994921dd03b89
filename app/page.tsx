import Link from "next/link";

export default function Home() {
  return (
    <main className="mx-auto max-w-2xl px-6 py-20">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">Kassa</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight text-slate-900">A hosted checkout you run yourself</h1>
      <p className="mt-4 text-lg text-slate-700">
        Create a payment intent from your server, send the buyer to Kassa&apos;s checkout page or embed it, and get them back
        paid. Kassa speaks the APIs of five checkout products, so existing integrations work unchanged.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/demo" className="rounded-lg bg-indigo-600 px-4 py-2.5 font-semibold text-white shadow-sm hover:bg-indigo-500">
          Try the demo store
        </Link>
        <Link href="/dashboard" className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50">
          Open the dashboard
        </Link>
        <Link href="/docs" className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50">
          API reference
        </Link>
        <a href="/api/health" className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50">
          Health check
        </a>
      </div>
    </main>
  );
}
