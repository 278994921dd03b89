import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listMerchantsForUser } from "@/lib/accounts/list-merchants";
import { createFirstMerchant } from "@/app/_server/account-actions";
import { requireUser } from "@/app/_server/context";
import { safeCallback } from "@/app/_server/safe-callback";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ActionForm, Field } from "@/components/ui/action-form";

export const metadata: Metadata = { title: "Create your merchant" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A new user's first step: the merchant their payments will belong to; then on to what they came for (`next`), if anything. */
export default async function WelcomePage({ searchParams }: Props) {
  const next = safeCallback((await searchParams).next, "/dashboard");
  const user = await requireUser();
  if ((await listMerchantsForUser(await getDb(), user.id)).length > 0) redirect(next);
  return (
    <AuthFrame title={`Welcome, ${user.name || "there"}`}>
      <p className="mb-4 text-sm text-slate-700">
        Create the merchant your payments will belong to. You can rename it, add a logo and invite your team later.
      </p>
      <ActionForm action={createFirstMerchant} submitLabel="Create merchant">
        <Field name="name" label="Business name" placeholder="Ada's Pottery" required />
        <input type="hidden" name="next" value={next} />
      </ActionForm>
    </AuthFrame>
  );
}
