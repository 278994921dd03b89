import { and, eq, lt, lte, sql } from "drizzle-orm";
import { idempotencyKeys, type IdempotencyKey } from "@/db/schema";
import type { Db } from "@/db/client";
import { derivedKey } from "@/lib/config/env";
import { hmacHex } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors/app-error";
import type { ApiResult } from "@/lib/http/api-result";

export const IDEMPOTENCY_TTL_HOURS = 24;
const MAX_KEY_LENGTH = 255;
/** How long a duplicate waits for the first request with its key before giving up with a 409. */
const WAIT_FOR_FIRST_MS = 30_000;
/** A claim this old belongs to a request that died; the next duplicate takes it over. */
const ABANDONED_AFTER = sql`interval '5 minutes'`;
const IN_PROGRESS = 0;

/**
 * - `atomic`: for work that only writes to the database. The key row is inserted in the same
 *   transaction as the work, so the work happens exactly once; a concurrent duplicate blocks on the
 *   unique index until the first commits, then replays its response. If the work throws, everything
 *   rolls back and the key stays free.
 * - `external`: for work that calls a card processor, which must never run inside an open
 *   transaction. The key is claimed and committed first, the work runs on its own (the intent's state
 *   machine is what guarantees one charge), and its response is stored after.
 */
export type IdempotencyMode = "atomic" | "external";

export type IdempotentRequest = {
  scope: string;
  key: string;
  requestHash: string;
  /** What of the answer is kept for replays, when not all of it may be (a secret shown once is left out). */
  stored?: (result: ApiResult) => ApiResult;
};
export type IdempotentOutcome = { result: ApiResult; replayed: boolean };

export async function runIdempotent(
  db: Db,
  request: IdempotentRequest,
  work: (db: Db) => Promise<ApiResult>,
  mode: IdempotencyMode = "atomic",
): Promise<IdempotentOutcome> {
  if (request.key.length === 0 || request.key.length > MAX_KEY_LENGTH) {
    throw new AppError("idempotency_key_invalid", `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters.`);
  }
  if (Math.random() < 0.01) await forgetExpiredKeys(db);
  return mode === "atomic" ? runAtomic(db, request, work) : runExternal(db, request, work);
}

async function runAtomic(db: Db, request: IdempotentRequest, work: (tx: Db) => Promise<ApiResult>): Promise<IdempotentOutcome> {
  try {
    // A duplicate waits on the unique index for the first to commit; the connection's lock_timeout
    // (db/postgres.ts) bounds that wait.
    return await db.transaction(async (tx) => {
      const claimed = await claim(tx, request);
      if (!claimed) return replay(await existing(tx, request));
      const result = await work(tx);
      await complete(tx, claimed, request.stored?.(result) ?? result);
      return { result, replayed: false };
    });
  } catch (error) {
    if (isLockTimeout(error)) throw stillRunning();
    throw error;
  }
}

async function runExternal(db: Db, request: IdempotentRequest, work: (db: Db) => Promise<ApiResult>): Promise<IdempotentOutcome> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  let claimed: string | null = null;
  while (!claimed) {
    const outcome = await db.transaction(async (tx): Promise<{ id?: string; done?: IdempotencyKey }> => {
      const id = await claim(tx, request);
      if (id) return { id };
      const first = await existing(tx, request);
      if (first.responseStatus !== IN_PROGRESS) return { done: first };
      const [takenOver] = await tx
        .update(idempotencyKeys)
        .set({ lockedAt: sql`now()` })
        .where(and(eq(idempotencyKeys.id, first.id), lt(idempotencyKeys.lockedAt, sql`now() - ${ABANDONED_AFTER}`)))
        .returning({ id: idempotencyKeys.id });
      return takenOver ? { id: takenOver.id } : {};
    });
    if (outcome.done) return replay(outcome.done);
    if (outcome.id) claimed = outcome.id;
    else if (Date.now() > deadline) throw stillRunning();
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let result: ApiResult;
  try {
    result = await work(db);
  } catch (error) {
    // Nothing to replay: free the key so a corrected request can use it.
    await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, claimed));
    throw error;
  }
  await complete(db, claimed, request.stored?.(result) ?? result);
  return { result, replayed: false };
}

/** Inserts the key as in progress, or takes over an expired one of the same name; null when a live one exists. */
async function claim(db: Db, request: IdempotentRequest): Promise<string | null> {
  const fresh = {
    requestHash: request.requestHash,
    responseStatus: IN_PROGRESS,
    responseBody: "",
    lockedAt: sql`now()`,
    createdAt: sql`now()`,
    expiresAt: sql`now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`,
  };
  const [row] = await db
    .insert(idempotencyKeys)
    .values({ scope: request.scope, key: request.key, ...fresh })
    .onConflictDoUpdate({ target: [idempotencyKeys.scope, idempotencyKeys.key], set: fresh, setWhere: lte(idempotencyKeys.expiresAt, sql`now()`) })
    .returning({ id: idempotencyKeys.id });
  return row?.id ?? null;
}

async function existing(db: Db, request: IdempotentRequest): Promise<IdempotencyKey> {
  const [first] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, request.scope), eq(idempotencyKeys.key, request.key)));
  if (!first || first.requestHash !== request.requestHash) {
    throw new AppError(
      "idempotency_key_reused",
      "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
    );
  }
  return first;
}

async function complete(db: Db, id: string, result: ApiResult): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: result.status, responseBody: JSON.stringify(result.body) })
    .where(eq(idempotencyKeys.id, id));
}

function replay(first: IdempotencyKey): IdempotentOutcome {
  return { result: { status: first.responseStatus, body: JSON.parse(first.responseBody) }, replayed: true };
}

async function forgetExpiredKeys(db: Db): Promise<void> {
  await db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, sql`now()`));
}

function stillRunning(): AppError {
  return new AppError("idempotency_key_in_use", "A request with this Idempotency-Key is still being processed. Retry shortly.");
}

/**
 * Same method, path and body (key order ignored) give the same hash. It is keyed, and callers pass
 * bodies with card numbers already replaced by fingerprints, so the stored hash says nothing about a card.
 */
export function hashRequest(method: string, pathname: string, body: unknown): string {
  return hmacHex(derivedKey("idempotency"), `${method} ${pathname}\n${canonicalJson(body)}`);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function isLockTimeout(error: unknown): boolean {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === "55P03") return true;
  }
  return false;
}
