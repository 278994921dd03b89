import Link from "next/link";
import type { PaymentIntent } from "@/db/schema";
import { paymentStatus } from "@/lib/dashboard/payment-status";
import { formatMoney } from "@/lib/money/format";
import { StatusBadge } from "@/components/ui/badge";

/** The cells every list of payments starts with: the amount, linking to the payment, and its status as the dashboard labels it. */
export function PaymentAmountAndStatus({ payment }: { payment: PaymentIntent }) {
  return (
    <>
      <td className="whitespace-nowrap px-4 py-3 font-semibold tabular-nums text-slate-900">
        <Link href={`/dashboard/payments/${payment.id}`} className="underline-offset-4 hover:underline">
          {formatMoney(payment.amount, payment.currency)}
        </Link>
      </td>
      <td className="px-4 py-3">
        <StatusBadge status={paymentStatus(payment)} />
      </td>
    </>
  );
}
