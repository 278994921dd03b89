import type { DepositView } from "@/lib/stablecoins/deposit-view";
import { formatUnits } from "@/lib/stablecoins/token-amount";
import { StatusBadge } from "@/components/ui/badge";
import { Card, Details } from "@/components/ui/page";

const STATES = { seen: "confirming", final: "final", removed: "removed" } as const;

/**
 * A payment made on chain, as the merchant needs to see it: where it was to be paid, what arrived
 * and when, what was more than the amount, and what came after the payment closed (paid late).
 */
export function OnChainCard({ view }: { view: DepositView }) {
  const { deposit } = view;
  const unit = (value: string) => `${formatUnits(BigInt(value), deposit.tokenDecimals)} ${deposit.tokenSymbol}`;
  const excess = BigInt(deposit.amountReceived) - BigInt(deposit.amountDue);
  const late = BigInt(deposit.amountLate);
  return (
    <Card title="Paid on chain">
      {(excess > 0n || late > 0n) && (
        <div className="mb-4 space-y-2">
          {excess > 0n && (
            <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <StatusBadge status="overpaid" /> The buyer sent {unit(excess.toString())} more than the amount. It is in your wallet; refund it from there if it should go back.
            </p>
          )}
          {late > 0n && (
            <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <StatusBadge status="paid_late" /> {unit(deposit.amountLate)} arrived after this payment closed. It is in your wallet, not counted towards the payment: settle it with the buyer.
            </p>
          )}
        </div>
      )}
      <Details
        rows={[
          ["Network", `${deposit.chain} (chain ${deposit.chainId})`],
          ["Token", `${deposit.tokenSymbol} ${deposit.tokenAddress}`],
          ["Deposit address", <span key="a" className="break-all font-mono text-xs">{deposit.address}</span>],
          ["Derivation", `0/${deposit.derivationIndex} below your wallet key`],
          ["Rate", `1 unit of the payment's currency = ${deposit.rate} ${deposit.tokenSymbol}`],
          ["Amount due", unit(deposit.amountDue)],
          ["Received in time", unit(deposit.amountReceived)],
          ["Of which final", unit(deposit.amountConfirmed)],
          ["Paid by", view.txHash ? <span key="t" className="break-all font-mono text-xs">{view.txHash}</span> : null],
        ]}
      />
      {view.transfers.length > 0 && (
        <table className="mt-4 w-full text-sm">
          <caption className="sr-only">Transfers to the deposit address</caption>
          <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="pb-2">Transaction</th>
              <th scope="col" className="pb-2 pl-3 text-right">Amount</th>
              <th scope="col" className="hidden pb-2 pl-3 text-right sm:table-cell">Block</th>
              <th scope="col" className="pb-2 pl-3 text-right">State</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {view.transfers.map((transfer) => (
              <tr key={transfer.id}>
                <td className="max-w-[7rem] truncate py-2 font-mono text-xs sm:max-w-[12rem]" title={transfer.txHash}>
                  {transfer.txHash}
                </td>
                <td className="whitespace-nowrap py-2 pl-3 text-right tabular-nums">{unit(transfer.value)}</td>
                <td className="hidden py-2 pl-3 text-right tabular-nums sm:table-cell">{transfer.blockNumber}</td>
                <td className="whitespace-nowrap py-2 pl-3 text-right">
                  <StatusBadge status={transfer.late && transfer.state !== "removed" ? "paid_late" : STATES[transfer.state]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-4 text-xs text-slate-600">Refunds of a payment made on chain are yours to send from your wallet; record each one here with its transaction hash.</p>
    </Card>
  );
}
