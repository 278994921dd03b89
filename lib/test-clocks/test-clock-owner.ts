import { merchantOf, modeOf, type Owner } from "@/db/owner";
import { testModeOnly } from "@/lib/errors/app-error";

/** The merchant whose clocks these are; refuses an owner in live mode, since clocks are test mode's alone. */
export function clockMerchant(owner: Owner): string {
  if (modeOf(owner) === "live") throw testModeOnly("Test clocks");
  return merchantOf(owner);
}
