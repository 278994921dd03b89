import { and, eq, lt, sql } from "drizzle-orm";
import { signInFailures } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { sha256Hex } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors/app-error";

/**
 * Limits on failed sign-ins over the last ten minutes, all keyed on the client address, so a flood
 * from one address never locks the owner out from another:
 * - 20 failures from one address stop every sign-in from it;
 * - 10 failures on one account from one address stop that account's sign-ins from it;
 * - once an account has 50 failures from anywhere, every address that failed on it is stopped, while
 *   an address that has not (the owner's) still gets in.
 */
export const SIGN_IN_LIMITS = { windowMinutes: 10, perAddress: 20, perAccountAndAddress: 10, perAccountUnderAttack: 50 } as const;

export type SignInSource = { email: string; address: string };

const emailHash = (email: string) => sha256Hex(email.trim().toLowerCase());

/**
 * Counts this attempt against the limits before its password is checked, or throws a 429 with
 * Retry-After when this address may not try this account now. The check and the count are one step,
 * serialised per address: of twenty guesses sent at once, only as many as the limit leaves are ever
 * checked. The attempt stays counted as a failure unless the password turns out right
 * (clearSignInFailures) or the check could not be made (releaseSignInAttempt).
 */
export async function reserveSignInAttempt(db: Db, source: SignInSource): Promise<number> {
  const { windowMinutes, perAddress, perAccountAndAddress, perAccountUnderAttack } = SIGN_IN_LIMITS;
  const email = emailHash(source.email);
  refuseIfKnownBlocked(source.address, email);
  return db.transaction(async (tx) => {
    // One address's attempts one at a time; other addresses (the owner's) never wait on a flood's lock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`kassa:sign-in:${source.address}`}, 0))`);
    const [counts] = await queryRows<{ address: number; account_and_address: number; account: number; retry_after: number | null }>(
      tx,
      sql`
        select
          count(*) filter (where address = ${source.address})::int as address,
          count(*) filter (where address = ${source.address} and email_hash = ${email})::int as account_and_address,
          count(*) filter (where email_hash = ${email})::int as account,
          ceil(extract(epoch from min(created_at) filter (where address = ${source.address})
            + make_interval(mins => ${windowMinutes}) - now()))::int as retry_after
        from ${signInFailures}
        where created_at > now() - make_interval(mins => ${windowMinutes})
          and (address = ${source.address} or email_hash = ${email})`,
    );
    const blocked =
      counts!.address >= perAddress ||
      counts!.account_and_address >= perAccountAndAddress ||
      (counts!.account >= perAccountUnderAttack && counts!.account_and_address > 0);
    if (blocked) {
      const retryAfter = Math.max(1, counts!.retry_after ?? windowMinutes * 60);
      rememberBlocked(counts!.address >= perAddress ? `address:${source.address}` : `account:${source.address}:${email}`, retryAfter);
      throw tooMany(retryAfter);
    }
    const [reserved] = await tx.insert(signInFailures).values({ emailHash: email, address: source.address }).returning({ id: signInFailures.id });
    return reserved!.id;
  });
}

const tooMany = (retryAfter: number) =>
  new AppError("rate_limited", "Too many failed sign-ins from your network. Wait a few minutes, then try again.", { retryAfter });

/**
 * Addresses (and accounts from an address) this instance has seen blocked, until when: the rest of a
 * flood is refused from memory, costing neither a hash nor a database transaction, so it cannot
 * slow anyone else's requests. Bounded; another instance learns of a block from the database.
 */
const BLOCKED_REMEMBERED = 10_000;
const blocked = ((globalThis as typeof globalThis & { __kassaBlockedSignIns?: Map<string, number> }).__kassaBlockedSignIns ??= new Map());

function rememberBlocked(key: string, retryAfterSeconds: number): void {
  blocked.delete(key);
  blocked.set(key, Date.now() + retryAfterSeconds * 1000);
  if (blocked.size > BLOCKED_REMEMBERED) blocked.delete(blocked.keys().next().value!);
}

function refuseIfKnownBlocked(address: string, email: string): void {
  const now = Date.now();
  for (const key of [`address:${address}`, `account:${address}:${email}`]) {
    const until = blocked.get(key);
    if (until === undefined) continue;
    if (until <= now) blocked.delete(key);
    else throw tooMany(Math.ceil((until - now) / 1000));
  }
}

/** Forgets a reserved attempt whose password was never judged (the check itself failed). */
export async function releaseSignInAttempt(db: Db, attemptId: number): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.id, attemptId));
}

/** Old failures go, now and then, so the table holds only what the limits look at. */
export async function forgetOldSignInFailures(db: Db): Promise<void> {
  if (Math.random() < 0.01) await db.delete(signInFailures).where(lt(signInFailures.createdAt, sql`now() - interval '1 day'`));
}

/** The right password from an address forgives that address its typos on this account. */
export async function clearSignInFailures(db: Db, source: SignInSource): Promise<void> {
  await db.delete(signInFailures).where(and(eq(signInFailures.emailHash, emailHash(source.email)), eq(signInFailures.address, source.address)));
}
