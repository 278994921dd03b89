"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createMerchant } from "@/lib/accounts/create-merchant";
import { listMerchantsForUser } from "@/lib/accounts/list-merchants";
import { registerUser } from "@/lib/accounts/register-user";
import { acceptInvitation } from "@/lib/accounts/team";
import { createMerchantBody, registerBody } from "@/lib/accounts/inputs";
import { runAction, validationFailed, type ActionResult } from "./action-result";
import { MERCHANT_COOKIE, MODE_COOKIE, modeOrTest, requireUser } from "./context";
import { safeCallback } from "./safe-callback";
import { formDataOf } from "./form-data";

const formObject = (form: FormData) => Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]));

/** Sign-up with the accounts API's own rules (register schema, password policy). */
export async function signUp(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const input = formObject(form);
    const parsed = registerBody.safeParse({ email: input.email, password: input.password, name: input.name });
    if (!parsed.success) return validationFailed(parsed.error, input);
    await registerUser(await getDb(), parsed.data);
    return { ok: true };
  });
}

export async function createFirstMerchant(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  const result = await runAction(async () => {
    const user = await requireUser();
    const input = formObject(form);
    const parsed = createMerchantBody.safeParse({ name: input.name });
    if (!parsed.success) return validationFailed(parsed.error, input);
    const merchant = await createMerchant(await getDb(), user.id, parsed.data);
    await chooseMerchantCookie(merchant.id);
    return { ok: true };
  });
  // Where the user was going before they had a merchant (a shop's connect request), on this site only.
  if (result.ok) redirect(safeCallback(form.get("next")?.toString(), "/dashboard"));
  return result;
}

/** The merchant switcher: only a merchant the user belongs to can be chosen. */
export async function switchMerchant(form: FormData): Promise<void> {
  form = formDataOf(form);
  const user = await requireUser();
  const merchantId = String(form.get("merchant_id") ?? "");
  const memberships = await listMerchantsForUser(await getDb(), user.id);
  if (memberships.some(({ merchant }) => merchant.id === merchantId)) await chooseMerchantCookie(merchantId);
  redirect("/dashboard");
}

/**
 * The test/live switch. It only chooses what the dashboard shows (each page checks the user's
 * membership as ever); back to the same section, since a test object's page has no live twin.
 */
export async function switchMode(form: FormData): Promise<void> {
  form = formDataOf(form);
  await requireUser();
  (await cookies()).set(MODE_COOKIE, modeOrTest(form.get("mode")), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 86400 });
  const section = safeCallback(form.get("next")?.toString(), "/dashboard").split("?")[0]!.split("/").slice(0, 3).join("/");
  redirect(section.startsWith("/dashboard") ? section : "/dashboard");
}

export async function acceptInvite(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  const result = await runAction(async () => {
    const user = await requireUser();
    const merchantId = await acceptInvitation(await getDb(), String(form.get("token") ?? ""), user.id);
    await chooseMerchantCookie(merchantId);
    return { ok: true };
  });
  if (result.ok) redirect("/dashboard");
  return result;
}

async function chooseMerchantCookie(merchantId: string): Promise<void> {
  (await cookies()).set(MERCHANT_COOKIE, merchantId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 86400 });
}
