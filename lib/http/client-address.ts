import { isIP } from "node:net";

/** Set by scripts/start.mjs from the socket, overwriting whatever a client sent under that name. */
export const PEER_ADDRESS_HEADER = "x-kassa-peer-address";

/** How many proxies in front of Kassa append to X-Forwarded-For (KASSA_TRUSTED_PROXIES, default 0: none). */
export function trustedProxyHops(): number {
  const hops = Number(process.env.KASSA_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(hops) && hops >= 0 ? hops : 0;
}

/**
 * The address a request came from, for per-address limits. The socket's, unless KASSA_TRUSTED_PROXIES
 * says N proxies stand in front: then the address the Nth proxy from the end saw, which no client can
 * forge (it can only prepend to the header). Without the peer header (`next dev`), the last
 * X-Forwarded-For entry, which Next fills from the socket when the client sent none.
 */
export function clientAddress(headers: Headers, hops = trustedProxyHops()): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const peer = headers.get(PEER_ADDRESS_HEADER) || forwarded.pop() || "unknown";
  const chain = [...(headers.has(PEER_ADDRESS_HEADER) ? forwarded : []), peer];
  return normalize(chain[Math.max(0, chain.length - 1 - hops)]!);
}

/** "::ffff:127.0.0.1" is 127.0.0.1; anything that is not an address is bucketed as one string, capped. */
function normalize(address: string): string {
  const unmapped = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(unmapped) ? unmapped.toLowerCase() : unmapped.slice(0, 64);
}
