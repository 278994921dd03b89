"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/app/_server/action-result";
import { authorize } from "@/app/_server/context";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { formDataOf } from "@/app/_server/form-data";

export async function cancelSubscriptionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner, user } = await authorize("payments:write", form);
    const id = String(form.get("subscription_id") ?? "");
    await cancelSubscription(db, owner, id, { type: "user", id: user.id });
    revalidatePath(`/dashboard/subscriptions/${id}`);
    return { ok: true, message: "The subscription was canceled. The customer will not be charged again." };
  });
}
