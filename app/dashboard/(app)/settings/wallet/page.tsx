import type { Metadata } from "next";
import { can, dashboardContext } from "@/app/_server/context";
import { configuredChains } from "@/lib/stablecoins/chains";
import { depositAddress } from "@/lib/stablecoins/wallet-key";
import { RemoveWalletButton, WalletForm } from "@/components/dashboard/wallet-forms";
import { Card, PageHeader, ReadOnlyNote } from "@/components/ui/page";
import { settingsTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Stablecoin wallet" };

export default async function WalletPage() {
  const context = await dashboardContext();
  const owner = can(context, "wallet:manage");
  const xpub = context.merchant.stablecoinXpub;
  const chains = configuredChains();
  return (
    <>
      <PageHeader title="Settings" description="Stablecoin payments go straight to your own wallet: Kassa derives a fresh address for each payment from its public key and holds no private key." />
      <Tabs label="Settings" tabs={settingsTabs("wallet")} />
      {!owner ? (
        <ReadOnlyNote>Only owners can see or change where stablecoin payments go.</ReadOnlyNote>
      ) : (
        <div className="space-y-6">
          <Card title="Wallet">
            {xpub ? (
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
                <dt className="font-medium text-slate-600">Extended public key</dt>
                <dd className="break-all font-mono text-xs text-slate-900">{xpub}</dd>
                <dt className="font-medium text-slate-600">First address</dt>
                <dd className="break-all font-mono text-slate-900" data-testid="first-address">
                  {depositAddress(xpub, 0)}
                </dd>
                <dt className="font-medium text-slate-600">Check</dt>
                <dd className="text-slate-700">This must be the first receive address your wallet shows for the account. Payments go to the next addresses in turn, one per payment, never reused.</dd>
              </dl>
            ) : (
              <p className="text-sm text-slate-700">None yet. Buyers are not offered stablecoins, and MutoPay&apos;s WooCommerce plugin keeps its gateway off, until one is saved.</p>
            )}
          </Card>
          <Card title="Networks this server watches">
            {chains.length === 0 ? (
              <p className="text-sm text-slate-700">None: the operator has not set KASSA_CHAINS, so no payment can be made on chain yet.</p>
            ) : (
              <ul className="space-y-1 text-sm text-slate-800">
                {chains.map((chain) => (
                  <li key={chain.name}>
                    {chain.token_symbol} on <span className="font-medium">{chain.name}</span> (chain {chain.chain_id}, {chain.mode} mode): final after {chain.confirmations} confirmations
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={xpub ? "Replace the wallet" : "Set the wallet"}>
            <WalletForm current={Boolean(xpub)} />
          </Card>
          <Card title="Refunds">
            <p className="text-sm text-slate-700">Kassa cannot send money from your wallet. To refund a stablecoin payment, send it from your wallet, then record it with its transaction hash on the payment&apos;s page.</p>
          </Card>
          {xpub && (
            <Card title="Remove">
              <RemoveWalletButton />
            </Card>
          )}
        </div>
      )}
    </>
  );
}
