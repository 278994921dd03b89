"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, validationFailed, type ActionResult } from "@/app/_server/action-result";
import { authorize } from "@/app/_server/context";
import { formDataOf } from "@/app/_server/form-data";
import { advanceTestClockBody, createTestClockBody } from "@/lib/test-clocks/inputs";
import { advanceTestClock } from "@/lib/test-clocks/advance-test-clock";
import { createTestClock } from "@/lib/test-clocks/create-test-clock";
import { updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { testFaultsBody } from "@/lib/webhooks/inputs";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
const number = (form: FormData, name: string) => (text(form, name) === "" ? undefined : Number(text(form, name)));
/** A datetime-local field is the merchant's wall time without a zone; the form says it is UTC. */
const utc = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value.length === 16 ? `${value}:00` : value}Z` : value);

export async function saveFaultsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    const input = {
      duplicate: form.get("duplicate") === "on",
      out_of_order: form.get("out_of_order") === "on",
      stale_timestamp: form.get("stale_timestamp") === "on",
      wrong_signature: form.get("wrong_signature") === "on",
      delay_seconds: number(form, "delay_seconds"),
      fail_first: number(form, "fail_first"),
    };
    const parsed = testFaultsBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    const endpointId = text(form, "endpoint_id");
    const saved = await updateWebhookEndpoint(db, owner, endpointId, { testFaults: parsed.data });
    revalidatePath(`/dashboard/developers/webhooks/${endpointId}`);
    const on = Object.keys(saved.testFaults).length;
    return { ok: true, message: on === 0 ? "No faults: deliveries go out as they would in live mode." : `Saved: ${on} ${on === 1 ? "fault applies" : "faults apply"} to deliveries from now on.` };
  });
}

export async function createClockAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  const result = await runAction<{ id: string }>(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    const input = { frozen_time: utc(text(form, "frozen_time")), name: text(form, "name") || null };
    const parsed = createTestClockBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    const clock = await createTestClock(db, owner, { frozenTime: parsed.data.frozen_time, name: parsed.data.name });
    return { ok: true, data: { id: clock.id } };
  });
  if (result.ok) redirect(`/dashboard/developers/test-clocks/${result.data!.id}`);
  return result;
}

export async function advanceClockAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    const input = { frozen_time: utc(text(form, "frozen_time")) };
    const parsed = advanceTestClockBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    const clockId = text(form, "clock_id");
    const clock = await advanceTestClock(db, owner, clockId, parsed.data.frozen_time);
    revalidatePath(`/dashboard/developers/test-clocks/${clockId}`);
    return { ok: true, message: `The clock now reads ${clock.frozenTime.toISOString().replace("T", " ").slice(0, 16)} UTC; everything due until then has happened.` };
  });
}
