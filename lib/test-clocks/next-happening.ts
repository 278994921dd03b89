import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { authorizationHours } from "@/lib/intents/void-stale-authorizations";

/** Something due on a clock: an unpaid intent expiring, a renewal (or its retry) falling due, an authorization going stale. */
export type Happening = { kind: "expire" | "renew" | "void"; id: string; at: Date };

/**
 * The earliest thing due on the clock at or before `until`, never before the clock's own time (what
 * was already overdue happens first, at the clock's time). Ties go expiry, renewal, void, then by id,
 * so the same clock always runs the same way.
 */
export async function nextHappening(db: Db, clockId: string, clockTime: Date, until: Date): Promise<Happening | null> {
  const [row] = await queryRows<{ kind: Happening["kind"]; id: string; at: string | Date }>(
    db,
    sql`
      select kind, id, greatest(at, ${clockTime.toISOString()}::timestamptz) as at from (
        select 'expire' as kind, 1 as rank, id, expires_at as at from payment_intents
        where test_clock_id = ${clockId} and status in ('requires_payment_method', 'requires_action') and expires_at <= ${until.toISOString()}::timestamptz
        union all
        select 'renew', 2, id, next_charge_at from subscriptions
        where test_clock_id = ${clockId} and status in ('active', 'past_due') and next_charge_at <= ${until.toISOString()}::timestamptz
        union all
        select 'void', 3, id, authorized_at + make_interval(hours => ${authorizationHours()}) from payment_intents
        where test_clock_id = ${clockId} and status = 'authorized' and authorized_at + make_interval(hours => ${authorizationHours()}) <= ${until.toISOString()}::timestamptz
      ) due
      order by greatest(at, ${clockTime.toISOString()}::timestamptz), rank, id
      limit 1`,
  );
  return row ? { kind: row.kind, id: row.id, at: new Date(row.at) } : null;
}
