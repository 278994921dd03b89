"use server";

import { redirect } from "next/navigation";
import { runAction, validationFailed, type ActionResult } from "@/app/_server/action-result";
import { authorize } from "@/app/_server/context";
import { connectRequest } from "@/lib/accounts/connect-request";
import { connectSite } from "@/lib/accounts/connect-site";
import { formDataOf } from "@/app/_server/form-data";

/** The merchant pressed Connect: make the shop its key and endpoint, then send the browser back to the shop with its token. */
export async function connectSiteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  let returnTo = "";
  const result = await runAction(async () => {
    const { db, owner, user } = await authorize("sites:connect", form);
    const input = Object.fromEntries(["return_url", "webhook_url", "site_name", "platform"].map((name) => [name, String(form.get(name) ?? "") || undefined]));
    const parsed = connectRequest.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    ({ returnTo } = await connectSite(db, owner, user, parsed.data));
    return { ok: true };
  });
  // Outside runAction: redirect() throws, and leaving is the success path.
  if (result.ok) redirect(returnTo);
  return result;
}
