import { and, eq, gt, sql } from "drizzle-orm";
import { emailMessages, webhookDeliveries } from "@/db/schema";
import type { Db } from "@/db/client";

/**
 * At start-up: the leases this instance held when it last stopped (a SIGKILL, a crash) end now, so
 * its webhooks and emails in flight are sent again at once instead of after their whole lease. Only
 * its own: another instance's leases are that instance's, alive or not, until they run out. Each
 * send is fenced by its attempt count, so even a lease taken back too early never settles twice.
 */
export async function resumeOwnWork(db: Db, instance: string): Promise<{ deliveries: number; emails: number }> {
  const deliveries = await db
    .update(webhookDeliveries)
    .set({ lockedUntil: sql`now() - interval '1 second'` })
    .where(and(eq(webhookDeliveries.status, "delivering"), eq(webhookDeliveries.lockedBy, instance), gt(webhookDeliveries.lockedUntil, sql`now()`)))
    .returning({ id: webhookDeliveries.id });
  const emails = await db
    .update(emailMessages)
    .set({ lockedUntil: sql`now() - interval '1 second'` })
    .where(and(eq(emailMessages.status, "sending"), eq(emailMessages.lockedBy, instance), gt(emailMessages.lockedUntil, sql`now()`)))
    .returning({ id: emailMessages.id });
  return { deliveries: deliveries.length, emails: emails.length };
}
