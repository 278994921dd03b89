import { html, type HtmlValue } from "@/lib/html/html";

export type OutcomeTone = "success" | "error" | "neutral";

const TONES: Record<OutcomeTone, string> = {
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  error: "border-red-200 bg-red-50 text-red-900",
  neutral: "border-slate-200 bg-white text-slate-800",
};

/** Where a payment ended up, in a box the buyer cannot miss. */
export function outcome(tone: OutcomeTone, title: string, body: HtmlValue, after?: HtmlValue) {
  return html`<div role="status" class="rounded-xl border px-5 py-6 text-center ${TONES[tone]}">
  <p class="text-lg font-semibold">${title}</p>
  <p class="mt-2 text-sm">${body}</p>${after}
</div>`;
}

/** The way back to the merchant, as a link the buyer can follow at any time. */
export function backLink(url: string | null, label: string) {
  return url ? html`<a href="${url}" class="mt-4 inline-block text-sm font-medium text-slate-700 underline underline-offset-4">${label}</a>` : null;
}
