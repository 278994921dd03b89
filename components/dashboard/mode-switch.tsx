"use client";

import { usePathname } from "next/navigation";
import { switchMode } from "@/app/_server/account-actions";

/**
 * Test or live, as a two-way toggle (Stripe's "Test mode" switch). A plain form, so it works with
 * JavaScript off; the server action keeps the user in the same section.
 */
export function ModeSwitch({ mode }: { mode: "test" | "live" }) {
  const pathname = usePathname();
  const other = mode === "test" ? "live" : "test";
  return (
    <form action={switchMode} className="flex items-center gap-2">
      <input type="hidden" name="mode" value={other} />
      <input type="hidden" name="next" value={pathname} />
      {/* Named on a phone too, for screen readers; shown from sm up, where there is room. */}
      <span id="mode-label" className="sr-only text-sm font-medium text-slate-700 sm:not-sr-only">
        Test mode
      </span>
      <button
        type="submit"
        role="switch"
        aria-checked={mode === "test"}
        aria-labelledby="mode-label"
        title={`Switch to ${other} mode`}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 ${
          mode === "test" ? "bg-amber-500" : "bg-slate-300"
        }`}
      >
        <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${mode === "test" ? "translate-x-5" : "translate-x-0.5"}`} />
      </button>
    </form>
  );
}
