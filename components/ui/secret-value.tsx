"use client";

import { CopyButton } from "./copy-button";

/** A secret shown once: selectable, copyable, and said out loud to screen readers as it appears. */
export function SecretValue({ label, value }: { label: string; value: string }) {
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-medium text-amber-900">{label}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="secret-value" className="break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900">
          {value}
        </code>
        <CopyButton value={value} />
      </div>
    </div>
  );
}
