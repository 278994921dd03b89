import { randomBase62 } from "@/lib/crypto/tokens";

/** The id every API answer carries as Request-Id, and a 500 is logged under. */
export function newRequestId(): string {
  return `req_${randomBase62(16)}`;
}
