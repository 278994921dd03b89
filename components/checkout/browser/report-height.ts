import { postToParent, type EmbedTarget } from "./post-to-parent";

/**
 * In a frame, tells the merchant's page how tall the checkout is whenever that changes, so the
 * frame can fit it: no Pay button cut off on a phone, no blank space after payment.
 */
export function reportHeight(embed: EmbedTarget): void {
  const content = document.getElementById("checkout");
  if (window.parent === window || !content || typeof ResizeObserver === "undefined") return;
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    postToParent(embed, "resize", { height });
  }).observe(content);
}
