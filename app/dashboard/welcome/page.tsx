import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listMerchantsForUser } from "@/lib/accounts/list-merchants";
import { createFirstMerchant } from "@/app/_server/account-actions";
import { requireUser } from "@/app/_server/context";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ActionForm, Field } from "@/components/ui/action-form";

export const metadata: Metadata = { title: "Create your merchant" };
export const dynamic = "force-dynamic";

/** A new user's first step: the merchant their payments will belong to. */
export default async function WelcomePage() {
  const user = await requireUser();
  if ((await listMerchantsForUser(await getDb(), user.id)).length > 0) redirect("/dashboard");
  return (
    <AuthFrame title={`Welcome, ${user.name || "there"}`}>
      <p className="mb-4 text-sm text-slate-700">
        Create the merchant your payments will belong to. You can rename it, add a logo and invite your team later.
      </p>
      <ActionForm action={createFirstMerchant} submitLabel="Create merchant">
        <Field name="name" label="Business name" placeholder="Ada's Pottery" required />
      </ActionForm>
    </AuthFrame>
  );
}
