"use server";

import { revalidatePath } from "next/cache";
import { runAction, validationFailed, type ActionResult } from "@/app/_server/action-result";
import { authorize } from "@/app/_server/context";
import { createPaymentLinkBody } from "@/lib/payment-links/inputs";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { deactivatePaymentLink } from "@/lib/payment-links/deactivate-payment-link";
import { paymentLinkUrl } from "@/lib/payment-links/payment-link-url";
import { linkFormToBody } from "@/lib/payment-links/link-form";
import { formDataOf } from "@/app/_server/form-data";

/** The form in decimals, turned into the API's body (minor units) and checked by the API's own schema. */
export async function createLinkAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string; url: string }>> {
  form = formDataOf(form);
  return runAction<{ id: string; url: string }>(async () => {
    const { db, owner } = await authorize("payment_links:manage", form);
    const { body, fields } = linkFormToBody(Object.fromEntries([...form.entries()].map(([key, value]) => [key, String(value)])));
    if (fields) return { ok: false, error: "Please correct the highlighted fields.", fields };
    const parsed = createPaymentLinkBody.safeParse(body);
    if (!parsed.success) {
      const failed = validationFailed(parsed.error, body);
      if (failed.ok || !failed.fields) return failed;
      // Every item's error belongs to the one items box.
      const byBox = Object.fromEntries(Object.entries(failed.fields).map(([name, message]) => [name.startsWith("line_items") ? "line_items" : name, message]));
      return { ...failed, fields: byBox };
    }
    const link = await createPaymentLink(db, owner, parsed.data);
    revalidatePath("/dashboard/payment-links");
    return { ok: true, message: "Link created. Share it, or print its QR code.", data: { id: link.id, url: paymentLinkUrl(link) } };
  });
}

export async function deactivateLinkAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner } = await authorize("payment_links:manage", form);
    const link = await deactivatePaymentLink(db, owner, String(form.get("link_id") ?? ""));
    revalidatePath(`/dashboard/payment-links/${link.id}`);
    return { ok: true, message: "The link is off. Its page now says so, and makes no more payments." };
  });
}
