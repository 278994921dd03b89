"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { detectBrand } from "@/lib/checkout/card";
import { MAX_ATTEMPTS } from "@/lib/checkout/limits";
import { BRAND_LABELS, checkFields, formatCardNumber, formatExpiry, type FieldErrors } from "./card-fields";
import { postToParent, type EmbedTarget } from "./post-to-parent";
import { TestCards } from "./test-cards";

export type CardFormProps = {
  intentId: string;
  clientSecret: string;
  payLabel: string;
  merchantName: string;
  uiMode: "hosted" | "embedded";
  /** Rendered per page view; each JavaScript submit adds a counter so retries get fresh keys. */
  submissionKey: string;
  successUrl: string | null;
  initialError: string | null;
  attemptsLeft: number;
  embed: EmbedTarget;
  testMode: boolean;
};

type Phase = "idle" | "submitting" | "succeeded" | "failed" | "canceled";

export function CardForm(props: CardFormProps) {
  const [number, setNumber] = useState("");
  const [expiry, setExpiry] = useState("");
  const [cvc, setCvc] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [phase, setPhase] = useState<Phase>("idle");
  const [message, setMessage] = useState<string | null>(props.initialError);
  const [attemptsLeft, setAttemptsLeft] = useState(props.attemptsLeft);
  const submits = useRef(0);
  const alertRef = useRef<HTMLDivElement>(null);
  const brand = detectBrand(number.replace(/\D/g, ""));

  const announced = useRef(false);
  useEffect(() => {
    if (announced.current) return;
    announced.current = true;
    postToParent(props.embed, "payment.started", "Checkout opened");
  }, [props.embed]);

  useEffect(() => {
    if (message) alertRef.current?.focus();
  }, [message]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase === "submitting") return;
    const fieldErrors = checkFields(number, expiry, cvc);
    setErrors(fieldErrors);
    const firstInvalid = (["number", "expiry", "cvc"] as const).find((field) => fieldErrors[field]);
    if (firstInvalid) {
      document.getElementById(`card-${firstInvalid}`)?.focus();
      postToParent(props.embed, "error", fieldErrors[firstInvalid]!);
      return;
    }
    setPhase("submitting");
    setMessage(null);
    submits.current += 1;
    const [month, year] = expiry.split(" / ");
    try {
      const response = await fetch(`/api/v1/payment-intents/${encodeURIComponent(props.intentId)}/confirm`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `${props.submissionKey}-${submits.current}` },
        body: JSON.stringify({
          client_secret: props.clientSecret,
          card: { number: number.replace(/\D/g, ""), exp_month: Number(month), exp_year: 2000 + Number(year), cvc, name: name || null },
        }),
      });
      const body = await response.json();
      if (response.ok) return succeed();
      if (response.status === 402) return decline(body.error);
      if (response.status === 400 && typeof body.error?.param === "string" && body.error.param.startsWith("card[")) {
        const field = body.error.param.includes("number") ? "number" : body.error.param.includes("cvc") ? "cvc" : "expiry";
        setErrors({ [field]: body.error.message });
        setPhase("idle");
        return;
      }
      if (response.status === 409 || response.status === 422) {
        // The intent moved on (paid elsewhere, expired, canceled): the page knows what to show.
        window.location.reload();
        return;
      }
      fail(body.error?.message ?? "The payment could not be processed. Please try again.");
    } catch {
      fail("We could not reach the payment server. Check your connection and try again.");
    }
  }

  function succeed() {
    setPhase("succeeded");
    postToParent(props.embed, "payment.success", "Payment successful", "succeeded");
    if (props.uiMode === "hosted" && props.successUrl) window.location.assign(props.successUrl);
  }

  function decline(error: { message: string; decline_code?: string; payment_intent?: { status: string; attempt_count: number } }) {
    const text = `${error.message}${error.decline_code ? ` (decline code ${error.decline_code})` : ""}`;
    const finalDecline = error.payment_intent?.status === "failed";
    postToParent(props.embed, "payment.failed", text, "failed");
    setAttemptsLeft(Math.max(0, MAX_ATTEMPTS - (error.payment_intent?.attempt_count ?? MAX_ATTEMPTS)));
    setMessage(text);
    setPhase(finalDecline ? "failed" : "idle");
  }

  function fail(text: string) {
    postToParent(props.embed, "error", text);
    setMessage(text);
    setPhase("idle");
  }

  async function onCancel(event: FormEvent<HTMLFormElement>) {
    if (props.uiMode !== "embedded") return;
    event.preventDefault();
    const response = await fetch(event.currentTarget.action, {
      method: "POST",
      headers: { accept: "application/json" },
      // URL-encoded, as the form itself would post it (the route takes no multipart).
      body: new URLSearchParams(new FormData(event.currentTarget) as unknown as Record<string, string>),
    });
    if (response.ok) {
      setPhase("canceled");
      postToParent(props.embed, "payment.canceled", "The buyer canceled the payment", "canceled");
    } else {
      window.location.reload();
    }
  }

  if (phase === "succeeded") {
    return (
      <Outcome tone="success" title="Payment successful">
        {props.uiMode === "hosted" && props.successUrl ? `Taking you back to ${props.merchantName}…` : `Thank you! ${props.merchantName} has your payment.`}
      </Outcome>
    );
  }
  if (phase === "canceled") return <Outcome tone="neutral" title="Payment canceled">No money was taken.</Outcome>;
  if (phase === "failed") {
    return (
      <Outcome tone="error" title="Payment failed">
        {message} There have been too many declined attempts, so this payment can no longer be completed.
      </Outcome>
    );
  }

  const submitting = phase === "submitting";
  return (
    <div className="space-y-5">
      {props.testMode && <TestCards onPick={(card) => setNumber(formatCardNumber(card))} />}
      <form
        action={`/pay/${encodeURIComponent(props.intentId)}/submit`}
        method="post"
        onSubmit={onSubmit}
        noValidate
        aria-describedby={message ? "payment-error" : undefined}
        className="space-y-4"
      >
        <input type="hidden" name="client_secret" value={props.clientSecret} />
        <input type="hidden" name="submission_key" value={props.submissionKey} />
        {message && (
          <div
            id="payment-error"
            ref={alertRef}
            tabIndex={-1}
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
          >
            <p className="font-medium">{message}</p>
            {attemptsLeft > 0 && attemptsLeft < MAX_ATTEMPTS && (
              <p className="mt-1 text-red-700">
                You can try again with another card: {attemptsLeft} {attemptsLeft === 1 ? "attempt" : "attempts"} left.
              </p>
            )}
          </div>
        )}

        <Field id="card-number" label="Card number" error={errors.number} hint={BRAND_LABELS[brand]}>
          <input
            id="card-number"
            name="number"
            inputMode="numeric"
            autoComplete="cc-number"
            placeholder="1234 1234 1234 1234"
            required
            maxLength={23}
            value={number}
            onChange={(event) => setNumber(formatCardNumber(event.target.value))}
            aria-invalid={Boolean(errors.number)}
            aria-describedby={errors.number ? "card-number-error" : undefined}
            className={inputClass(errors.number)}
          />
        </Field>

        <div className="grid grid-cols-2 gap-3">
          <Field id="card-expiry" label="Expiry (MM / YY)" error={errors.expiry}>
            <input
              id="card-expiry"
              name="expiry"
              inputMode="numeric"
              autoComplete="cc-exp"
              placeholder="MM / YY"
              required
              maxLength={7}
              value={expiry}
              onChange={(event) => setExpiry(formatExpiry(event.target.value, expiry))}
              aria-invalid={Boolean(errors.expiry)}
              aria-describedby={errors.expiry ? "card-expiry-error" : undefined}
              className={inputClass(errors.expiry)}
            />
          </Field>
          <Field id="card-cvc" label="Security code" error={errors.cvc}>
            <input
              id="card-cvc"
              name="cvc"
              inputMode="numeric"
              autoComplete="cc-csc"
              placeholder={brand === "amex" ? "4 digits" : "3 digits"}
              required
              maxLength={4}
              value={cvc}
              onChange={(event) => setCvc(event.target.value.replace(/\D/g, "").slice(0, 4))}
              aria-invalid={Boolean(errors.cvc)}
              aria-describedby={errors.cvc ? "card-cvc-error" : undefined}
              className={inputClass(errors.cvc)}
            />
          </Field>
        </div>

        <Field id="card-name" label="Name on card">
          <input
            id="card-name"
            name="name"
            autoComplete="cc-name"
            placeholder="Full name"
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.target.value)}
            className={inputClass()}
          />
        </Field>

        <button
          type="submit"
          disabled={submitting}
          aria-busy={submitting}
          className="flex w-full items-center justify-center gap-2 rounded-lg bg-[var(--brand)] px-4 py-3 text-base font-semibold text-[var(--brand-contrast)] shadow-sm transition hover:brightness-110 disabled:cursor-wait disabled:opacity-70"
        >
          {submitting && <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent" />}
          {submitting ? "Processing…" : props.payLabel}
        </button>
      </form>

      <form action={`/pay/${encodeURIComponent(props.intentId)}/cancel`} method="post" onSubmit={onCancel} className="text-center">
        <input type="hidden" name="client_secret" value={props.clientSecret} />
        <button type="submit" disabled={submitting} className="text-sm text-slate-600 underline-offset-4 hover:text-slate-900 hover:underline">
          Cancel and return to {props.merchantName}
        </button>
      </form>
    </div>
  );
}

function inputClass(error?: string): string {
  return [
    "block w-full rounded-lg border bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm placeholder:text-slate-500",
    "focus:outline-none focus:ring-2 focus:ring-[var(--brand)] focus:border-transparent",
    error ? "border-red-500" : "border-slate-300",
  ].join(" ");
}

function Field(props: { id: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between">
        <label htmlFor={props.id} className="text-sm font-medium text-slate-700">
          {props.label}
        </label>
        {props.hint && <span className="text-xs font-medium text-slate-600">{props.hint}</span>}
      </div>
      {props.children}
      {props.error && (
        <p id={`${props.id}-error`} className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function Outcome(props: { tone: "success" | "error" | "neutral"; title: string; children: React.ReactNode }) {
  const tones = {
    success: "border-emerald-200 bg-emerald-50 text-emerald-900",
    error: "border-red-200 bg-red-50 text-red-900",
    neutral: "border-slate-200 bg-white text-slate-800",
  };
  return (
    <div role="status" className={`rounded-xl border px-5 py-6 text-center ${tones[props.tone]}`}>
      <p className="text-lg font-semibold">{props.title}</p>
      <p className="mt-2 text-sm">{props.children}</p>
    </div>
  );
}
