import { and, eq, lte, sql } from "drizzle-orm";
import { idempotencyKeys } from "@/db/schema";
import type { Db } from "@/db/client";
import { sha256Hex } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors/app-error";
import type { ApiResult } from "@/lib/http/api-result";

export const IDEMPOTENCY_TTL_HOURS = 24;
const MAX_KEY_LENGTH = 255;
/** How long a duplicate waits for the first request with its key before giving up with a 409. */
const WAIT_FOR_FIRST = "30s";

export type IdempotentRequest = { scope: string; key: string; requestHash: string };
export type IdempotentOutcome = { result: ApiResult; replayed: boolean };

/**
 * Runs `work` at most once per (scope, key). The key row is inserted in the same transaction as the
 * work, so a concurrent duplicate blocks on the unique index until the first commits and then
 * replays its response; if the work throws, everything rolls back and the key stays free.
 */
export async function runIdempotent(
  db: Db,
  request: IdempotentRequest,
  work: (tx: Db) => Promise<ApiResult>,
): Promise<IdempotentOutcome> {
  if (request.key.length === 0 || request.key.length > MAX_KEY_LENGTH) {
    throw new AppError("idempotency_key_invalid", `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters.`);
  }
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local lock_timeout = '${WAIT_FOR_FIRST}'`));
      const sameKey = and(eq(idempotencyKeys.scope, request.scope), eq(idempotencyKeys.key, request.key));
      await tx.delete(idempotencyKeys).where(and(sameKey, lte(idempotencyKeys.expiresAt, sql`now()`)));
      const [claimed] = await tx
        .insert(idempotencyKeys)
        .values({
          scope: request.scope,
          key: request.key,
          requestHash: request.requestHash,
          responseStatus: 0,
          responseBody: "",
          expiresAt: sql`now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`,
        })
        .onConflictDoNothing()
        .returning({ id: idempotencyKeys.id });

      if (!claimed) {
        const [first] = await tx.select().from(idempotencyKeys).where(sameKey);
        if (!first || first.requestHash !== request.requestHash) {
          throw new AppError(
            "idempotency_key_reused",
            "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
          );
        }
        return { result: { status: first.responseStatus, body: JSON.parse(first.responseBody) }, replayed: true };
      }

      const result = await work(tx);
      await tx
        .update(idempotencyKeys)
        .set({ responseStatus: result.status, responseBody: JSON.stringify(result.body) })
        .where(eq(idempotencyKeys.id, claimed.id));
      return { result, replayed: false };
    });
  } catch (error) {
    if (isLockTimeout(error)) {
      throw new AppError(
        "idempotency_key_in_use",
        "A request with this Idempotency-Key is still being processed. Retry shortly.",
      );
    }
    throw error;
  }
}

/** Same method, path and body (key order ignored) hash the same. */
export function hashRequest(method: string, pathname: string, body: unknown): string {
  return sha256Hex(`${method} ${pathname}\n${canonicalJson(body)}`);
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
