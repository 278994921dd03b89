import { z } from "zod";
import { isAddress, getAddress } from "viem";
import type { Mode } from "@/db/schema";
import { isCurrency } from "@/lib/money/currencies";

/**
 * One chain and the token Kassa watches on it, as the operator lists them in KASSA_CHAINS. `mode`
 * says which payments it takes: a test network serves test-mode intents, a main network live ones,
 * so no test payment ever asks for real money.
 */
const chainSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, { error: "must be 1–32 lower-case letters, digits, - or _" }),
    chain_id: z.number().int().positive().max(2 ** 31 - 1),
    rpc_url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
    token_address: z.string().refine((value) => isAddress(value, { strict: false }), { error: "must be a 0x… contract address" }),
    token_symbol: z.string().regex(/^[A-Za-z0-9.]{1,16}$/, { error: "must be 1–16 letters or digits" }),
    decimals: z.number().int().min(0).max(36),
    confirmations: z.number().int().min(1).max(1000),
    mode: z.enum(["test", "live"]).default("live"),
    /** What one token is worth: the currency it is pegged to (USD for USDC and USDT). */
    currency: z.string().refine(isCurrency, { error: "must be an ISO-4217 currency code" }).default("USD"),
    /** Where to start reading on first start-up; by default a little below the head at that time. */
    start_block: z.number().int().min(0).optional(),
    /** How often to read the chain, in milliseconds. */
    poll_ms: z.number().int().min(100).max(600_000).default(4_000),
    /** The widest block range asked of eth_getLogs at once: providers refuse wider ones, each its own limit. */
    blocks_per_read: z.number().int().max(100_000).default(2_000),
  })
  .strict();

/**
 * The newest blocks are read again each pass, however few confirmations are asked for: a provider
 * that balances its nodes may answer the logs from one a few blocks behind the head it gave.
 */
export const MIN_REREAD_BLOCKS = 16;

/**
 * Well-known test networks (Ethereum, Base, Optimism and Arbitrum Sepolia, Polygon Amoy, local
 * nodes): their tokens are free, so one of them taking live payments would let anyone pay for real
 * goods with faucet money. `mode` defaults to live, so this is the easy mistake.
 */
const TEST_NETWORKS = new Set([11155111, 84532, 11155420, 421614, 80002, 17000, 31337, 1337]);

const chainsSchema = z.array(chainSchema).superRefine((chains, context) => {
  const seen = new Set<string>();
  for (const [index, chain] of chains.entries()) {
    if (seen.has(chain.name)) context.addIssue({ code: "custom", path: [index, "name"], message: `"${chain.name}" is listed twice` });
    seen.add(chain.name);
    // Each read takes in the newest max(confirmations, 16) blocks again: at least as many new ones
    // again, or a watcher near the head never reaches it, and one behind never catches up.
    const reread = Math.max(chain.confirmations, MIN_REREAD_BLOCKS);
    if (chain.blocks_per_read < 2 * reread) {
      context.addIssue({ code: "custom", path: [index, "blocks_per_read"], message: `must be at least ${2 * reread}: twice the ${reread} newest blocks read again each round` });
    }
    if (chain.mode === "live" && TEST_NETWORKS.has(chain.chain_id)) {
      context.addIssue({ code: "custom", path: [index, "mode"], message: `chain ${chain.chain_id} is a test network, whose tokens are free: set "mode": "test" (mode is live unless it says so)` });
    }
  }
});

export type ChainConfig = Omit<z.infer<typeof chainSchema>, "token_address" | "currency"> & { token_address: `0x${string}`; currency: string };

let parsed: { source: string; chains: ChainConfig[] } | null = null;

/** The configured chains (none when KASSA_CHAINS is unset). Throws a message naming the bad field when it is malformed. */
export function configuredChains(): ChainConfig[] {
  const source = process.env.KASSA_CHAINS?.trim() ?? "";
  if (parsed?.source === source) return parsed.chains;
  parsed = { source, chains: parseChains(source) };
  return parsed.chains;
}

export function parseChains(source: string): ChainConfig[] {
  if (source === "") return [];
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    throw new Error("KASSA_CHAINS is not valid JSON: it must be a JSON array such as [{\"name\":\"base\",\"chain_id\":8453,…}]");
  }
  const result = chainsSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("") : "";
    throw new Error(`KASSA_CHAINS${where}: ${issue.message}`);
  }
  // The checksummed spelling, so addresses compare equal however the operator wrote them.
  return result.data.map((chain) => ({ ...chain, token_address: getAddress(chain.token_address), currency: chain.currency.toUpperCase() }));
}

/** The chains that take payments of this mode, in the order the operator listed them. */
export function chainsFor(mode: Mode): ChainConfig[] {
  return configuredChains().filter((chain) => chain.mode === mode);
}

export function chainNamed(name: string): ChainConfig | undefined {
  return configuredChains().find((chain) => chain.name === name);
}
