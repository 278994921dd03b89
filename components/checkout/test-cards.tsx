"use client";

import { groupCardNumber, TEST_CARDS } from "@/lib/checkout/test-cards";

/** Kassa only ever runs in test mode today, so the page says which cards do what. */
export function TestCards({ onPick }: { onPick: (number: string) => void }) {
  return (
    <details className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <summary className="cursor-pointer font-medium">Test mode: use a test card</summary>
      <p className="mt-2 text-amber-800">Any future expiry date, any security code and any name work.</p>
      <ul className="mt-2 space-y-1">
        {TEST_CARDS.map((card) => (
          <li key={card.number} className="flex flex-wrap items-center justify-between gap-x-3">
            <button
              type="button"
              onClick={() => onPick(card.number)}
              className="font-mono text-amber-950 underline decoration-amber-400 underline-offset-2 hover:decoration-amber-700"
              aria-label={`Use test card ${groupCardNumber(card.number)}`}
            >
              {groupCardNumber(card.number)}
            </button>
            <span>{card.label}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
