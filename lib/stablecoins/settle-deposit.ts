import { eq } from "drizzle-orm";
import { paymentIntents, stablecoinDeposits } from "@/db/schema";
import type { Db } from "@/db/client";
import { moveIntent } from "./move-intent";
import { depositSums, recordTransfers, writeDepositSums, type Observation } from "./record-transfers";

/** One deposit's transfers and sums written, and its intent moved, in one transaction under both rows' locks. */
export async function settleDeposit(db: Db, intentId: string, seen: Observation, chainTime: Date | null): Promise<void> {
  await db.transaction(async (tx) => {
    const [deposit] = await tx.select().from(stablecoinDeposits).where(eq(stablecoinDeposits.intentId, intentId)).for("update");
    const [intent] = await tx.select().from(paymentIntents).where(eq(paymentIntents.id, intentId)).for("update");
    if (!deposit || !intent) return;
    const transfers = await recordTransfers(tx, deposit, intent, seen);
    const after = await writeDepositSums(tx, deposit, depositSums(transfers));
    await moveIntent(tx, { intent, before: deposit, after, transfers, chainTime });
  });
}
