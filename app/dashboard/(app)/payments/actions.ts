"use server";

import { revalidatePath } from "next/cache";
import { runAction, validationFailed, type ActionResult } from "@/app/_server/action-result";
import { authorize } from "@/app/_server/context";
import { captureIntentBody, createRefundBody } from "@/lib/intents/inputs";
import { AppError } from "@/lib/errors/app-error";
import { cancelIntent } from "@/lib/intents/cancel-intent";
import { captureIntent } from "@/lib/intents/capture-intent";
import { getIntent } from "@/lib/intents/get-intent";
import { refundIntent } from "@/lib/intents/refund-intent";
import { voidIntent } from "@/lib/intents/void-intent";
import { decimalToMinor } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format";
import { formDataOf } from "@/app/_server/form-data";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** An amount typed in standard units (12.50), exact in minor units, or undefined when left empty. */
function typedAmount(value: string, currency: string, field: string): number | undefined {
  if (value === "") return undefined;
  const parsed = decimalToMinor(value, currency);
  if (!parsed.ok) throw new AppError("amount_invalid", `The amount ${parsed.reason}.`, { param: field });
  return parsed.minor;
}

export async function refundPayment(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner, user } = await authorize("payments:write", form);
    const intent = await getIntent(db, owner, text(form, "intent_id"));
    const input = { amount: typedAmount(text(form, "amount"), intent.currency, "amount"), reason: text(form, "reason") || undefined, tx_hash: text(form, "tx_hash") || undefined };
    const parsed = createRefundBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    const refund = await refundIntent(db, owner, intent.id, { ...parsed.data, txHash: parsed.data.tx_hash }, { type: "user", id: user.id });
    revalidatePath(`/dashboard/payments/${intent.id}`);
    const verb = refund.status === "pending" ? "is on its way" : "was refunded";
    return { ok: true, message: `${formatMoney(refund.amount, refund.currency)} ${verb}.` };
  });
}

export async function capturePayment(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner, user } = await authorize("payments:write", form);
    const intent = await getIntent(db, owner, text(form, "intent_id"));
    const input = { amount_to_capture: typedAmount(text(form, "amount"), intent.currency, "amount") };
    const parsed = captureIntentBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    const captured = await captureIntent(db, owner, intent.id, parsed.data.amount_to_capture, { type: "user", id: user.id });
    revalidatePath(`/dashboard/payments/${intent.id}`);
    return { ok: true, message: `Captured ${formatMoney(captured.amountCaptured, captured.currency)}.` };
  });
}

export async function voidPayment(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner, user } = await authorize("payments:write", form);
    const id = text(form, "intent_id");
    await voidIntent(db, owner, id, { type: "user", id: user.id });
    revalidatePath(`/dashboard/payments/${id}`);
    return { ok: true, message: "The authorization was released." };
  });
}

export async function cancelPayment(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner, user } = await authorize("payments:write", form);
    const id = text(form, "intent_id");
    await cancelIntent(db, owner, id, { type: "user", id: user.id }, "requested_by_customer");
    revalidatePath(`/dashboard/payments/${id}`);
    return { ok: true, message: "The payment was canceled." };
  });
}
