import { sql, type SQL } from "drizzle-orm";
import { merchantAcquirers, paymentIntents } from "@/db/schema";
import { chainFundedRefusal, chainFundsArrived } from "./chain-funds";
import { AppError } from "@/lib/errors/app-error";

/**
 * A card may still pay the intent: nothing has arrived for it on chain (the rest is asked of the
 * chain, so the buyer never pays twice), and a live intent's merchant has an acquirer for the card
 * (a merchant with only a wallet takes live money on chain alone). In SQL, for the claim itself.
 */
export function cardMayPay(): SQL {
  return sql`not ${chainFundsArrived()}
    and (${paymentIntents.mode} = 'test' or exists (select 1 from ${merchantAcquirers} where ${merchantAcquirers.merchantId} = ${paymentIntents.merchantId}))`;
}

/** The same, as the reason given when a claim was refused for it. */
export function cardRefusal(state: { chainFunded: boolean; cardless: boolean }): AppError | null {
  if (state.chainFunded) return chainFundedRefusal("paid by card (send the rest to the same address)");
  if (state.cardless) {
    return new AppError("intent_unexpected_state", "This merchant takes no live card payments right now (it has no acquirer); nothing was charged.", { extra: { status: "requires_payment_method" } });
  }
  return null;
}
