"use client";

import Script from "next/script";
import { useEffect, useRef, useState } from "react";
import { payWithRedirect, startEmbeddedCheckout } from "@/app/demo/actions";
import { DEMO_PRODUCTS, DEMO_SHIPPING } from "@/lib/demo/products";
import { formatMoney } from "@/lib/money/format";

type LoggedEvent = { at: string; data: Record<string, unknown> };

/**
 * The merchant's product page. "Redirect" posts a form to the merchant's server, which sends the
 * buyer to Kassa; "Embedded" mounts Kassa's checkout here with /kassa.js, as a merchant's own page
 * would, and lists the events it posts.
 */
export function DemoStore() {
  const [product, setProduct] = useState<string>(DEMO_PRODUCTS[0].id);
  const [embed, setEmbed] = useState<{ checkoutUrl: string; intentId: string } | null>(null);
  const [events, setEvents] = useState<LoggedEvent[]>([]);
  const [starting, setStarting] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [kassaReady, setKassaReady] = useState(false);
  const frameHolder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!embed || !kassaReady || !frameHolder.current) return;
    const handle = window.Kassa.mount(frameHolder.current, embed.checkoutUrl, {
      title: "Kassa checkout",
      onEvent: (data) => {
        if (data.event !== "resize") setEvents((previous) => [...previous, { at: new Date().toLocaleTimeString(), data }]);
      },
      onSuccess: () => setOutcome("Paid! The order is confirmed."),
      onCancel: () => setOutcome("The buyer canceled the payment."),
    });
    return () => handle.close();
  }, [embed, kassaReady]);

  async function openEmbedded() {
    setStarting(true);
    setEvents([]);
    setOutcome(null);
    try {
      setEmbed(await startEmbeddedCheckout(product));
    } finally {
      setStarting(false);
    }
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_minmax(0,440px)]">
      <Script src="/kassa.js" strategy="afterInteractive" onReady={() => setKassaReady(true)} />
      <form action={payWithRedirect} className="space-y-6">
        <fieldset>
          <legend className="text-lg font-semibold text-slate-900">Choose a coffee</legend>
          <div className="mt-3 grid gap-3 sm:grid-cols-3">
            {DEMO_PRODUCTS.map((item) => (
              <label
                key={item.id}
                className="cursor-pointer rounded-xl border border-slate-200 bg-white p-4 shadow-sm has-[:checked]:border-teal-700 has-[:checked]:ring-2 has-[:checked]:ring-teal-700"
              >
                <input
                  type="radio"
                  name="product"
                  value={item.id}
                  checked={product === item.id}
                  onChange={() => setProduct(item.id)}
                  className="sr-only"
                />
                <span className="block font-semibold text-slate-900">{item.name}</span>
                <span className="mt-1 block text-sm text-slate-600">{item.detail}</span>
                <span className="mt-3 block font-semibold tabular-nums text-slate-900">{formatMoney(item.unitAmount, "USD")}</span>
              </label>
            ))}
          </div>
          <p className="mt-2 text-sm text-slate-600">Shipping {formatMoney(DEMO_SHIPPING, "USD")} on every order.</p>
        </fieldset>

        <div className="flex flex-wrap gap-3">
          <button type="submit" className="rounded-lg bg-teal-700 px-5 py-3 font-semibold text-white shadow-sm hover:bg-teal-800">
            Checkout with redirect
          </button>
          <button
            type="button"
            onClick={openEmbedded}
            disabled={starting}
            className="rounded-lg border border-teal-700 bg-white px-5 py-3 font-semibold text-teal-800 shadow-sm hover:bg-teal-50 disabled:opacity-60"
          >
            {starting ? "Opening…" : "Checkout embedded on this page"}
          </button>
        </div>
        <p className="text-sm text-slate-600">
          Pay with <span className="font-mono">4242 4242 4242 4242</span>, any future expiry and any CVC. The checkout lists the
          cards that decline.
        </p>
      </form>

      <aside aria-label="Embedded checkout" className="space-y-4">
        {embed ? (
          <>
            {outcome && (
              <p role="status" className="rounded-lg border border-teal-200 bg-teal-50 px-4 py-3 text-sm font-medium text-teal-900">
                {outcome}
              </p>
            )}
            <div ref={frameHolder} className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" />
          </>
        ) : (
          <div className="rounded-xl border border-dashed border-slate-300 p-6 text-sm text-slate-600">
            The embedded checkout opens here, inside this page, and its events appear below.
          </div>
        )}
        <EventLog events={events} />
      </aside>
    </div>
  );
}

function EventLog({ events }: { events: LoggedEvent[] }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Block body on purpose: newer browsers return a promise from scrollIntoView, and React would
    // take a returned value for a cleanup function.
    end.current?.scrollIntoView({ block: "nearest" });
  }, [events.length]);
  return (
    <section aria-labelledby="events-heading" className="rounded-xl border border-slate-200 bg-slate-900 p-4 text-slate-100">
      <h2 id="events-heading" className="text-sm font-semibold">
        Events posted by the checkout
      </h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-300">None yet.</p>
      ) : (
        <ol data-testid="event-log" className="mt-2 max-h-64 space-y-2 overflow-auto break-all font-mono text-xs">
          {events.map((entry, index) => (
            <li key={index} ref={index === events.length - 1 ? end : undefined}>
              <span className="text-slate-400">{entry.at}</span> <span className="text-teal-300">{String(entry.data.event)}</span>{" "}
              {JSON.stringify(entry.data)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
