import { randomBytes, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { scryptOnLowPriorityThread } from "./scrypt-threads";

// scrypt is Node's own memory-hard KDF: no native addon to build, and tunable below.
const MAX_MEMORY = 64 * 1024 * 1024;

/**
 * log2 of scrypt's N for new hashes: KASSA_PASSWORD_COST, 15 by default. Tests lower it to save
 * time; a hash records its own parameters, so raising it later breaks nothing.
 */
function params() {
  const cost = Number(process.env.KASSA_PASSWORD_COST ?? 15);
  return { N: 2 ** (Number.isInteger(cost) && cost >= 10 && cost <= 20 ? cost : 15), r: 8, p: 1, keyLength: 32 };
}

type Slots = { inUse: number; waiting: (() => void)[] };
const holder = globalThis as typeof globalThis & { __kassaHashSlots?: Slots };

/**
 * At most KASSA_PASSWORD_HASH_CONCURRENCY hashes at once (2), so a flood of logins cannot take the
 * cores from the payment API. Extra ones wait up to KASSA_PASSWORD_HASH_WAIT_MS (2000) for a turn,
 * then get a 429 with Retry-After. On globalThis: every bundle of the app shares one count.
 */
export async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  const slots = (holder.__kassaHashSlots ??= { inUse: 0, waiting: [] });
  if (slots.inUse < hashConcurrency()) slots.inUse++;
  else await waitForSlot(slots, Number(process.env.KASSA_PASSWORD_HASH_WAIT_MS ?? 2000));
  try {
    return await work();
  } finally {
    // A waiter takes this slot over as it is; otherwise it is free again.
    const next = slots.waiting.shift();
    if (next) next();
    else slots.inUse--;
  }
}

function waitForSlot(slots: Slots, waitMs: number): Promise<void> {
  const busy = () => new AppError("rate_limited", "Too many sign-ins at once. Retry in a moment.", { retryAfter: 1 });
  if (waitMs <= 0) return Promise.reject(busy());
  return new Promise((resolve, reject) => {
    const turn = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      slots.waiting.splice(slots.waiting.indexOf(turn), 1);
      reject(busy());
    }, waitMs);
    slots.waiting.push(turn);
  });
}

const hashConcurrency = () => Math.max(1, Number(process.env.KASSA_PASSWORD_HASH_CONCURRENCY ?? 2));

/** On low-priority threads of its own (scrypt-threads.ts), at most hashConcurrency at once. */
function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return withHashSlot(() => scryptOnLowPriorityThread(password, salt, keyLength, options, hashConcurrency()));
}

/** "scrypt$N$r$p$salt$hash", so the parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const { keyLength, ...options } = params();
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, keyLength, { ...options, maxmem: MAX_MEMORY });
  return ["scrypt", options.N, options.r, options.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, n, r, p, salt, hash] = stored.split("$");
  if (algorithm !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return timingSafeEqual(key, expected);
}

/** A real hash of nothing, so an unknown email costs as much time as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}
