import type { Merchant } from "@/db/schema";
import type { Db } from "@/db/client";
import type { IntentDetails } from "@/lib/intents/intent-details";
import { isAppError } from "@/lib/errors/app-error";
import { chainsFor, configuredChains } from "./chains";
import { depositView, type DepositView } from "./deposit-view";
import { findDeposit, openDeposit, stablecoinRefusal } from "./open-deposit";

/** What the checkout page offers for paying on chain: the token and network, and the deposit once there is one. */
export type StablecoinOffer = {
  token: string;
  network: string;
  /** A test network: the page says to send test tokens only. */
  test: boolean;
  view: DepositView | null;
};

/**
 * The on-chain side of one checkout page view: the intent's deposit if it has one (whatever state it
 * is in, so a paid or late payment can be shown), else the offer to pay with the token when the
 * merchant and server can take it. With `lead`, an open intent gets its deposit now, so the page
 * opens on the token (MutoPay's payments lead with it).
 */
export async function stablecoinOffer(db: Db, intent: IntentDetails, merchant: Merchant, options: { lead: boolean }): Promise<StablecoinOffer | null> {
  if (configuredChains().length === 0) return null;
  let deposit = await findDeposit(db, intent.id);
  const open = stablecoinRefusal(intent, merchant) === null;
  // Leading with the token: a race that closed the intent meanwhile leaves the page to say so.
  if (!deposit && open && options.lead) deposit = await openDeposit(db, intent, merchant).catch((error: unknown) => (isAppError(error) ? null : Promise.reject(error)));
  if (deposit) return { token: deposit.tokenSymbol, network: deposit.chain, test: deposit.mode === "test", view: await depositView(db, intent, deposit) };
  if (!open) return null;
  const chain = chainsFor(intent.mode)[0]!;
  return { token: chain.token_symbol, network: chain.name, test: chain.mode === "test", view: null };
}
