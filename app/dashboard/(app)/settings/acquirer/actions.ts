"use server";

import { revalidatePath } from "next/cache";
import { setAcquirerBody } from "@/lib/accounts/inputs";
import { removeAcquirer } from "@/lib/accounts/remove-acquirer";
import { setAcquirer } from "@/lib/accounts/set-acquirer";
import { runAction, validationFailed, type ActionResult } from "@/app/_server/action-result";
import { authorize } from "@/app/_server/context";
import { formDataOf } from "@/app/_server/form-data";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** The same rules as PUT /api/v1/merchants/{id}/acquirer; the key is never sent back to the page. */
export async function setAcquirerAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, merchant } = await authorize("acquirer:manage", form);
    const input = { type: text(form, "type"), secret_key: text(form, "secret_key"), webhook_secret: text(form, "webhook_secret") || null };
    const parsed = setAcquirerBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, { type: input.type });
    await setAcquirer(db, merchant.id, parsed.data);
    revalidatePath("/dashboard", "layout");
    return { ok: true, message: "Saved. Live payments now go to this acquirer; the key will not be shown again." };
  });
}

export async function removeAcquirerAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, merchant } = await authorize("acquirer:manage", form);
    await removeAcquirer(db, merchant.id);
    revalidatePath("/dashboard", "layout");
    return { ok: true, message: "Removed. Live keys are refused until an acquirer is set again." };
  });
}
