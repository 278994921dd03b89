"use client";

import { connectSiteAction } from "@/app/dashboard/connect/actions";
import { ActionForm, Field } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/styles";
import type { ConnectRequest } from "@/lib/accounts/connect-request";

/** Connect (a server action that leaves for the shop) or refuse (a plain link back to it with error=access_denied). */
export function ConnectSiteForm({ request, merchants, refuseHref }: { request: ConnectRequest; merchants: { value: string; label: string }[]; refuseHref: string }) {
  return (
    <div className="mt-6">
      <ActionForm action={connectSiteAction} submitLabel="Connect" className="flex flex-wrap items-center gap-3">
        {merchants.length > 1 ? (
          <Field name="merchant_id" label="Connect to merchant" options={merchants} className="basis-full" />
        ) : (
          <input type="hidden" name="merchant_id" value={merchants[0]!.value} />
        )}
        <Field
          name="mode"
          label="Payments from this shop"
          defaultValue="test"
          options={[
            { value: "test", label: "Test mode: simulated money, test cards" },
            { value: "live", label: "Live mode: real money, through your acquirer" },
          ]}
          className="basis-full"
        />
        {Object.entries(request).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />))}
        {/* After the Connect button, whatever order React renders them in. */}
        <a href={refuseHref} className={`${buttonClass.secondary} order-last`}>
          Don&apos;t connect
        </a>
      </ActionForm>
    </div>
  );
}
