import { lookup as dnsLookup, promises as dns, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { AppError } from "@/lib/errors/app-error";

/** Addresses a merchant's webhook may never reach: loopback, private, link-local, metadata, multicast. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 96],
  ["::1", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["64:ff9b:1::", 48],
  ["fec0::", 10],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

export function privateWebhooksAllowed(): boolean {
  return process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS === "1";
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  // IPv4-mapped addresses written in hex (::ffff:7f00:1) are a way round the ranges above.
  if (/^::ffff:(0:)?[0-9a-f]{1,4}:[0-9a-f]{1,4}$/i.test(address)) return true;
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Refuses a URL that is not http(s), or whose host resolves to a private address (unless allowed). */
export async function assertDeliverableUrl(url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new AppError("parameter_invalid", "Webhook URLs must be http:// or https://.", { param: "url" });
  }
  if (privateWebhooksAllowed()) return;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    throw new AppError("parameter_invalid", `The webhook host ${host} could not be resolved.`, { param: "url" });
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new AppError(
      "parameter_invalid",
      "Webhook URLs must reach a public address; loopback and private networks are refused (set KASSA_ALLOW_PRIVATE_WEBHOOKS=1 for local development).",
      { param: "url" },
    );
  }
}

/**
 * A DNS lookup for the HTTP client that refuses private addresses at connect time, so a name that
 * resolved publicly when the endpoint was saved cannot be re-pointed inside the network later.
 */
export function guardedLookup(
  hostname: string,
  options: object,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const allowed = privateWebhooksAllowed() ? list : list.filter((entry) => !isPrivateAddress(entry.address));
    if (allowed.length === 0) {
      const refused = Object.assign(new Error(`Refused to connect to a private address for ${hostname}`), { code: "EPRIVATE" });
      return callback(refused, []);
    }
    if ((options as { all?: boolean }).all) return callback(null, allowed);
    return callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}
