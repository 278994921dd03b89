"use client";

import { removeWalletAction, saveWalletAction } from "@/app/dashboard/(app)/settings/wallet/actions";
import { ActionForm, Field } from "@/components/ui/action-form";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function WalletForm({ current }: { current: boolean }) {
  return (
    <ActionForm action={saveWalletAction} submitLabel={current ? "Replace the wallet" : "Save wallet"} resetOnSuccess>
      <Field
        name="stablecoin_xpub"
        label="Extended public key (xpub)"
        autoComplete="off"
        required
        placeholder="xpub6…"
        hint="Your wallet account's extended public key (m/44'/60'/0'), as your wallet exports it. Never paste a private key or a recovery phrase: Kassa needs neither, and refuses an xprv."
      />
    </ActionForm>
  );
}

export function RemoveWalletButton() {
  return (
    <ConfirmAction
      label="Remove wallet"
      title="Remove the wallet"
      description="Buyers are no longer offered stablecoins, and MutoPay's plugin switches its gateway off. Addresses already handed out are still watched, so nothing sent to them is missed."
      confirmLabel="Remove"
      variant="danger"
      action={removeWalletAction}
      hidden={{}}
    />
  );
}
