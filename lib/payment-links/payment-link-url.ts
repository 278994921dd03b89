import type { PaymentLink } from "@/db/schema";
import { publicUrl } from "@/lib/config/env";

/** The link's public address, the one a merchant shares and its QR code holds. */
export function paymentLinkUrl(link: Pick<PaymentLink, "slug">): string {
  return `${publicUrl()}/l/${link.slug}`;
}
