import type { ReactNode } from "react";

export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center text-sm font-bold uppercase tracking-wide text-indigo-700">Kassa</p>
        <h1 className="mt-2 text-center text-2xl font-semibold text-slate-900">{title}</h1>
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
