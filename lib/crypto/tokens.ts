import { createHash, createHmac, randomBytes, randomFillSync, timingSafeEqual } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Random bytes are drawn from the kernel a pool at a time and each byte is handed out once: one
 * system call per few hundred ids instead of one per id (on this kind of machine a call costs as
 * much as rendering a small answer). Node's own randomUUID pools its entropy the same way.
 */
const POOL_SIZE = 8192;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

function nextRandomByte(): number {
  if (poolOffset === POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  return pool[poolOffset++]!;
}

/**
 * Uniformly random base62 text: ids and secrets that are safe in URLs. Bytes of 248 and above are
 * skipped, so each of the 62 characters is exactly as likely (248 is 4 × 62).
 */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    const byte = nextRandomByte();
    if (byte < 248) out += BASE62[byte % 62];
  }
  return out;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function hmacHex(key: string | Buffer, text: string): string {
  return createHmac("sha256", key).update(text).digest("hex");
}

/** Compares two secrets in time that depends only on their length, never on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}
