"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, validationFailed, type ActionResult } from "@/app/_server/action-result";
import { actionContext, authorize } from "@/app/_server/context";
import { createCheckout } from "@/lib/accounts/checkouts";
import { changeMemberRole, inviteMember, removeMember, revokeInvitation } from "@/lib/accounts/team";
import { updateMerchant } from "@/lib/accounts/update-merchant";
import { publicUrl } from "@/lib/config/env";
import { createCheckoutBody } from "@/lib/accounts/inputs";
import { merchantSettingsBody } from "@/lib/accounts/inputs";
import { AppError } from "@/lib/errors/app-error";
import { decimalToMinor } from "@/lib/money/decimal";
import { isCurrency } from "@/lib/money/currencies";
import { email } from "@/lib/validation/common";
import { memberRole } from "@/db/schema";
import { formDataOf } from "@/app/_server/form-data";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
const lines = (value: string) => value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** "USD 5.00" per line into the API's {"USD": 500}; a bad line is named in the error. */
function minimumsFromText(value: string): Record<string, number> {
  const minimums: Record<string, number> = {};
  for (const line of lines(value)) {
    const [currency = "", amount = ""] = line.split(/\s+/);
    const code = currency.toUpperCase();
    const parsed = isCurrency(code) ? decimalToMinor(amount, code) : null;
    if (!parsed?.ok) throw new AppError("parameter_invalid", `"${line}" should be a currency and an amount, such as USD 5.00.`, { param: "minimum_amounts" });
    minimums[code] = parsed.minor;
  }
  return minimums;
}

/** Branding, framing and minimums, validated by the same schema as PATCH /api/v1/merchants/{id}. */
export async function saveSettings(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, merchant } = await authorize("merchant:update", form);
    const input = {
      name: text(form, "name"),
      display_name: text(form, "display_name") || null,
      brand_color: text(form, "brand_color") || null,
      logo_url: text(form, "logo_url") || null,
      allowed_origins: lines(text(form, "allowed_origins")),
      minimum_amounts: minimumsFromText(text(form, "minimum_amounts")),
      receipts_enabled: form.get("receipts_enabled") === "on",
    };
    const parsed = merchantSettingsBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    await updateMerchant(db, merchant.id, {
      name: parsed.data.name,
      displayName: parsed.data.display_name,
      brandColor: parsed.data.brand_color,
      logoUrl: parsed.data.logo_url,
      allowedOrigins: parsed.data.allowed_origins,
      minimumAmounts: parsed.data.minimum_amounts,
      receiptsEnabled: parsed.data.receipts_enabled,
    });
    revalidatePath("/dashboard", "layout");
    return { ok: true, message: "Saved. The checkout page shows the new branding right away." };
  });
}

export async function createCheckoutAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, merchant } = await authorize("merchant:update", form);
    const input = { name: text(form, "name"), display_name: text(form, "display_name") || null, brand_color: text(form, "brand_color") || null, logo_url: text(form, "logo_url") || null };
    const parsed = createCheckoutBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    await createCheckout(db, merchant.id, {
      name: parsed.data.name,
      displayName: parsed.data.display_name ?? null,
      brandColor: parsed.data.brand_color ?? null,
      logoUrl: parsed.data.logo_url ?? null,
    });
    revalidatePath("/dashboard/settings/checkouts");
    return { ok: true, message: "Checkout created. Use its id as checkout_id." };
  });
}

const inviteInput = z.object({ email, role: z.enum(memberRole.enumValues, { error: "must be owner, admin, developer or viewer" }) });

export async function inviteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult<{ link?: string }>> {
  form = formDataOf(form);
  return runAction<{ link?: string }>(async () => {
    const { db, merchant, role, user } = await authorize("team:manage", form);
    const input = { email: text(form, "email"), role: text(form, "role") };
    const parsed = inviteInput.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    const { token } = await inviteMember(db, role, merchant.id, user.id, parsed.data.email, parsed.data.role);
    revalidatePath("/dashboard/settings/team");
    return {
      ok: true,
      message: `Send ${parsed.data.email} this link; it works once, for that email, for seven days.`,
      data: { link: `${publicUrl()}/invite/${token}` },
    };
  });
}

export async function changeRoleAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, merchant, role } = await authorize("team:manage", form);
    const parsed = z.enum(memberRole.enumValues).safeParse(text(form, "role"));
    if (!parsed.success) throw new AppError("parameter_invalid", "Choose owner, admin, developer or viewer.", { param: "role" });
    await changeMemberRole(db, role, merchant.id, text(form, "user_id"), parsed.data);
    revalidatePath("/dashboard/settings/team");
    return { ok: true, message: "Role changed." };
  });
}

export async function removeMemberAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const context = await actionContext(form);
    const target = text(form, "user_id");
    // Anyone may leave; removing someone else needs team:manage.
    const { db, merchant, role } = target === context.user.id ? context : await authorize("team:manage", form);
    await removeMember(db, role, merchant.id, target);
    revalidatePath("/dashboard", "layout");
    return { ok: true, message: target === context.user.id ? "You left the team." : "Removed from the team." };
  });
}

export async function revokeInviteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, merchant } = await authorize("team:manage", form);
    await revokeInvitation(db, merchant.id, text(form, "invitation_id"));
    revalidatePath("/dashboard/settings/team");
    return { ok: true, message: "Invitation withdrawn." };
  });
}
