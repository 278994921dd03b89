import { checkoutPagePath, framedOutcomePath } from "./checkout-url";
import { successRedirect } from "./redirect-urls";
import type { SettledAttempt } from "./settle-attempt";

/**
 * Where the buyer goes once the bank's challenge is settled, as after the card form: on to the
 * merchant when paid, back to the page (which shows the decline) when not, and in a frame back to
 * the framed page.
 */
export function afterChallengePath(settled: SettledAttempt, clientSecret: string): string {
  const { intent } = settled;
  if (intent.uiMode === "embedded") return framedOutcomePath(intent.id, clientSecret);
  return (settled.outcome !== "declined" && successRedirect(intent)) || checkoutPagePath(intent.id, clientSecret);
}
