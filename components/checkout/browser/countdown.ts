import type { CheckoutText } from "../page-data";

const WARN_MS = 60_000;

/**
 * Turns the page's "Expires at" into a countdown. In the last minute it turns into a warning that
 * screen readers announce; at zero the page reloads, and the server shows the expired screen.
 */
export function startCountdown(text: CheckoutText, expiresAt: number | null): void {
  const clock = document.getElementById("countdown");
  if (!clock || expiresAt === null) return;
  let warned = false;
  const tick = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) {
      clearInterval(timer);
      clock.textContent = text.expiringSoon.replace("{time}", "0:00");
      setTimeout(() => location.reload(), 1000);
      return;
    }
    const minutes = Math.floor(left / 60_000);
    const time = `${minutes}:${String(Math.floor((left % 60_000) / 1000)).padStart(2, "0")}`;
    if (left <= WARN_MS) {
      if (!warned) {
        warned = true;
        clock.setAttribute("role", "alert");
        clock.className = "rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900";
      }
      clock.textContent = text.expiringSoon.replace("{time}", time);
    } else {
      clock.textContent = minutes >= 120 ? text.expiresInHours.replace("{hours}", String(Math.floor(minutes / 60))) : text.expiresIn.replace("{time}", time);
    }
  };
  const timer = setInterval(tick, 1000);
  tick();
}
