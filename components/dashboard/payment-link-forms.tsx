"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { createLinkAction, deactivateLinkAction } from "@/app/dashboard/(app)/payment-links/actions";
import { ActionForm, Field } from "@/components/ui/action-form";
import { ConfirmAction } from "@/components/ui/confirm-action";

const PRICING = [
  { value: "fixed", label: "A fixed price" },
  { value: "custom", label: "The buyer chooses the amount" },
] as const;

/** A new payment link; on success, its page with the address and QR code. */
export function CreateLinkForm({ currency }: { currency: string }) {
  const router = useRouter();
  // Without JavaScript every price field shows, and the chosen pricing decides which count; once
  // the page runs, only the chosen pricing's fields show.
  const [pricing, setPricing] = useState<string | null>(null);
  useEffect(() => setPricing("fixed"), []);
  return (
    <ActionForm
      action={createLinkAction}
      submitLabel="Create link"
      className="grid gap-4 sm:grid-cols-2"
      onSuccess={(result) => {
        const id = result.ok ? (result.data as { id?: string } | undefined)?.id : undefined;
        if (id) router.push(`/dashboard/payment-links/${id}`);
      }}
    >
      <Field name="name" label="Name" placeholder="Espresso beans, 1 kg" hint="Shown to buyers as what they pay for." required className="sm:col-span-2" />
      <div onChange={(event) => setPricing((event.target as unknown as HTMLSelectElement).value)}>
        <Field name="pricing" label="Price" defaultValue="fixed" options={PRICING} />
      </div>
      <Field name="currency" label="Currency" defaultValue={currency} placeholder="USD" hint="Three letters, such as USD or EUR." />
      {pricing !== "custom" && (
        <>
          <Field name="amount" label="Amount" inputMode="decimal" placeholder="24.00" hint="Leave empty to charge what the items add up to." />
          <Field name="max_quantity" label="Most a buyer may buy at once" inputMode="numeric" placeholder="1" hint="Above 1, the buyer picks how many." />
        </>
      )}
      {pricing !== "fixed" && (
        <>
          <Field name="custom_amount[minimum]" label="Smallest amount" inputMode="decimal" placeholder="1.00" hint="When the buyer chooses the amount." />
          <Field name="custom_amount[maximum]" label="Largest amount" inputMode="decimal" placeholder="500.00" />
        </>
      )}
      <Field
        name="line_items"
        label="Items (optional)"
        textarea
        placeholder={"Espresso beans, 12.00, 2"}
        hint='One per line: "name, price" or "name, price, quantity". Shown on the checkout; for a fixed price only.'
        className="sm:col-span-2"
      />
      <Field name="success_url" label="After paying, send the buyer to (optional)" type="url" placeholder="https://shop.example/thanks" hint="Empty: the checkout shows its own thank-you page." className="sm:col-span-2" />
    </ActionForm>
  );
}

export function DeactivateLinkButton({ linkId }: { linkId: string }) {
  return (
    <ConfirmAction
      label="Deactivate"
      title="Deactivate this link"
      description="Its page will say the link is no longer active and take no more payments. Payments already started through it go on. This cannot be undone."
      confirmLabel="Deactivate link"
      variant="danger"
      action={deactivateLinkAction}
      hidden={{ link_id: linkId }}
    />
  );
}
