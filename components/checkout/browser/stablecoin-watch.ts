import type { CheckoutPageData } from "../page-data";
import { postToParent, type EmbedTarget } from "./post-to-parent";

type Followed = NonNullable<CheckoutPageData["stablecoin"]>;
type Standing = { status: string; stage: string; amount_received: string; confirmations: number | null; confirmations_required: number; tx_hash: string | null; success_url: string | null };

const POLL_MS = 3_000;

/**
 * Follows a payment on chain while the buyer watches: confirmations counted in place, and any other
 * change (something arrived, all of it arrived, paid, time up) shown by the server's own page, so
 * the script never has to draw a state the page cannot. A framing merchant page hears the outcome.
 */
export function followStablecoin(data: CheckoutPageData, followed: Followed, embed: EmbedTarget): void {
  offerCopy(followed);
  let timer: number | undefined;
  const poll = async () => {
    let standing: Standing;
    try {
      const response = await fetch(followed.statusUrl, { cache: "no-store", headers: { accept: "application/json" } });
      // Gone or not this buyer's: the page itself says what to do.
      if (response.status >= 400 && response.status < 500) return location.reload();
      if (!response.ok) throw new Error(String(response.status));
      standing = (await response.json()) as Standing;
    } catch {
      timer = window.setTimeout(() => void poll(), POLL_MS * 2);
      return;
    }
    if (standing.stage === followed.stage && standing.amount_received === followed.received) {
      if (standing.stage === "confirming") showConfirmations(followed, standing);
      timer = window.setTimeout(() => void poll(), POLL_MS);
      return;
    }
    settle(data, embed, standing);
  };
  timer = window.setTimeout(() => void poll(), POLL_MS);
  window.addEventListener("pagehide", () => window.clearTimeout(timer));
}

function settle(data: CheckoutPageData, embed: EmbedTarget, standing: Standing): void {
  if (standing.stage === "paid") {
    postToParent(embed, "payment.success", { message: "Payment successful", status: "succeeded", tx_hash: standing.tx_hash });
    if (data.uiMode === "hosted" && standing.success_url) return location.assign(standing.success_url);
  } else if (standing.stage === "closed" && standing.status !== "succeeded") {
    postToParent(embed, "payment.failed", { message: `The payment ended ${standing.status}`, status: standing.status, final: true });
  }
  location.reload();
}

function showConfirmations(followed: Followed, standing: Standing): void {
  const line = document.getElementById("stablecoin-status");
  if (!line) return;
  line.textContent = followed.text.seen.replace("{count}", String(standing.confirmations ?? 0)).replace("{required}", String(standing.confirmations_required));
}

/** The copy buttons exist only for a script to drive: shown now, each saying so once it has copied. */
function offerCopy(followed: Followed): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      void navigator.clipboard?.writeText(button.dataset.copy ?? "").then(() => {
        button.textContent = followed.text.copied;
        window.setTimeout(() => (button.textContent = followed.text.copy), 2_000);
      });
    });
  }
}
