import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { NewIntent } from "@/lib/intents/create-intent";
import { decimalToMinor, minorToDecimal } from "@/lib/money/decimal";
import { toUsd } from "@/lib/money/fx";
import type { createPaymentBody } from "./schemas";

type CreatePayment = z.infer<typeof createPaymentBody>;

/** 30 minutes unless expires_at or expires_in_minutes says otherwise (seed 004); at most 7 days. */
export const DEFAULT_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 7 * 24 * 3600;

/**
 * A mutopay payment in core terms. It is always charged in USD: an amount in another currency is
 * converted at the rate of the moment, and that rate is kept with the payment.
 */
export function toNewIntent(body: CreatePayment, now = Date.now()): NewIntent {
  const { usdMinor, original } = usdAmount(body);
  return {
    dialect: "mutopay",
    amount: usdMinor,
    currency: "USD",
    description: body.description ?? null,
    referenceId: body.external_id ?? null,
    customerEmail: body.customer_email ?? null,
    locale: body.locale ?? null,
    metadata: body.metadata ?? {},
    dialectData: { external_id: body.external_id ?? null, ...original },
    successUrl: body.callback_url ?? null,
    cancelUrl: body.callback_url ?? null,
    expiresInSeconds: body.expires_in_minutes ? body.expires_in_minutes * 60 : expirySeconds(body.expires_at, now),
  };
}

/** Which field carries the price, and in which currency it is. The schema has made sure there is exactly one. */
function pricedAmount(body: CreatePayment): { field: "amount_usd" | "amount_original" | "amount"; value: string | number; currency: string } {
  if (body.amount_usd !== undefined) return { field: "amount_usd", value: body.amount_usd, currency: "USD" };
  if (body.amount_original !== undefined) return { field: "amount_original", value: body.amount_original, currency: body.currency };
  return { field: "amount", value: body.amount!, currency: body.currency };
}

function usdAmount(body: CreatePayment) {
  const { field, value, currency } = pricedAmount(body);
  const parsed = decimalToMinor(value, currency);
  if (!parsed.ok) throw new AppError("amount_invalid", `${field} ${parsed.reason}.`, { param: field });
  if (parsed.minor === 0) throw new AppError("amount_invalid", `${field} must be greater than 0.`, { param: field });
  if (currency === "USD") return { usdMinor: parsed.minor, original: {} };
  const conversion = toUsd(parsed.minor, currency)!;
  if (conversion.usdMinor === 0) throw new AppError("amount_invalid", `${field} is worth less than one US cent.`, { param: field });
  return {
    usdMinor: conversion.usdMinor,
    original: {
      amount_original: minorToDecimal(parsed.minor, currency),
      original_currency: currency,
      fx_rate: conversion.rate,
    },
  };
}

function expirySeconds(expiresAt: string | undefined, now: number): number {
  if (!expiresAt) return DEFAULT_EXPIRY_SECONDS;
  const seconds = Math.floor((Date.parse(expiresAt) - now) / 1000);
  if (seconds < 60) throw new AppError("parameter_invalid", "expires_at must be at least a minute in the future.", { param: "expires_at" });
  if (seconds > MAX_EXPIRY_SECONDS) throw new AppError("parameter_invalid", "expires_at must be at most 7 days away.", { param: "expires_at" });
  return seconds;
}
