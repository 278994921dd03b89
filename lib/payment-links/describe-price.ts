import type { PaymentLink } from "@/db/schema";

/** The link's price in words, for the dashboard: "$24.00, up to 5 per order" or "$1.00 to $500.00, buyer's choice". */
export function describeLinkPrice(link: Pick<PaymentLink, "amount" | "minAmount" | "maxAmount" | "maxQuantity">, money: (minor: number) => string): string {
  if (link.amount === null) return `${money(link.minAmount!)} to ${money(link.maxAmount!)}, buyer's choice`;
  return (link.maxQuantity ?? 1) > 1 ? `${money(link.amount)} each, up to ${link.maxQuantity} per order` : money(link.amount);
}
