"use client";

import { useId } from "react";
import { switchMerchant } from "@/app/_server/account-actions";

/** Picks which of the user's merchants the dashboard shows; the server checks membership again. */
export function MerchantSwitcher(props: { current: string; merchants: { id: string; name: string; role: string }[] }) {
  const id = useId();
  if (props.merchants.length < 2) {
    return <p className="truncate text-sm font-semibold text-slate-900">{props.merchants[0]?.name}</p>;
  }
  return (
    <form action={switchMerchant} className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Merchant
      </label>
      <select
        id={id}
        name="merchant_id"
        defaultValue={props.current}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="max-w-[14rem] truncate rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-semibold text-slate-900"
      >
        {props.merchants.map((merchant) => (
          <option key={merchant.id} value={merchant.id}>
            {merchant.name} ({merchant.role})
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="text-sm underline">
          Switch
        </button>
      </noscript>
    </form>
  );
}
