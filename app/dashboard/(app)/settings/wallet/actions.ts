"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/app/_server/action-result";
import { authorize } from "@/app/_server/context";
import { formDataOf } from "@/app/_server/form-data";
import { AppError } from "@/lib/errors/app-error";
import { setWallet } from "@/lib/stablecoins/set-wallet";
import { depositAddress } from "@/lib/stablecoins/wallet-key";

/** The same rules as PATCH /api/v1/merchants/{id} with stablecoin_xpub: the owner alone, a public key only. */
export async function saveWalletAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, merchant } = await authorize("wallet:manage", form);
    const xpub = String(form.get("stablecoin_xpub") ?? "").trim().slice(0, 200);
    if (!xpub) throw new AppError("parameter_missing", "Paste your wallet's extended public key (xpub…).", { param: "stablecoin_xpub" });
    // setWallet reads it as wallet-key.ts does for the API: a public key, or a refusal saying why.
    const saved = await setWallet(db, merchant.id, xpub);
    revalidatePath("/dashboard", "layout");
    return { ok: true, message: `Saved. Check that ${depositAddress(saved.stablecoinXpub!, 0)} is the first receive address your wallet shows for this account.` };
  });
}

export async function removeWalletAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, merchant } = await authorize("wallet:manage", form);
    await setWallet(db, merchant.id, null);
    revalidatePath("/dashboard", "layout");
    return { ok: true, message: "Removed. Buyers are no longer offered stablecoins; addresses already handed out are still watched." };
  });
}
