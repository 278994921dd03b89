import type { Metadata } from "next";
import { can, dashboardContext } from "@/app/_server/context";
import { listCheckouts } from "@/lib/accounts/checkouts";
import { CheckoutForm } from "@/components/dashboard/settings-forms";
import { Card, PageHeader, ReadOnlyNote } from "@/components/ui/page";
import { settingsTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Checkouts" };

export default async function CheckoutsPage() {
  const context = await dashboardContext();
  const checkouts = await listCheckouts(context.db, context.merchant.id);
  return (
    <>
      <PageHeader title="Settings" description="Checkouts brand the payment page per storefront; the mint API names one with checkout_id." />
      <Tabs label="Settings" tabs={settingsTabs("checkouts")} />
      <div className="space-y-6">
        <Card title="Checkouts">
          <ul className="divide-y divide-slate-100">
            {checkouts.map((checkout) => (
              <li key={checkout.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="flex items-center gap-3">
                  <span aria-hidden className="h-6 w-6 rounded-md border border-slate-200" style={{ background: checkout.brandColor ?? context.merchant.brandColor ?? "#4f46e5" }} />
                  <div>
                    <p className="text-sm font-semibold text-slate-900">
                      {checkout.displayName || checkout.name}
                      {checkout.isDefault && <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">default</span>}
                    </p>
                    <p className="font-mono text-xs text-slate-600">{checkout.id}</p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </Card>
        {can(context, "merchant:update") ? (
          <Card title="Add a checkout">
            <CheckoutForm />
          </Card>
        ) : (
          <ReadOnlyNote>Only owners and admins can add checkouts.</ReadOnlyNote>
        )}
      </div>
    </>
  );
}
