"use client";

import { buttonClass } from "@/components/ui/styles";

/** Shown when a dashboard page fails to load; the details are in the server log, not here. */
export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">This page could not be loaded</h1>
      <p className="mt-1 text-sm text-red-800">Something went wrong on our end. Try again; if it keeps happening, check the server log.</p>
      <button type="button" onClick={reset} className={`${buttonClass.secondary} mt-4`}>
        Try again
      </button>
    </div>
  );
}
