/**
 * kassa.js: the embedded checkout for a merchant's page, in one small script with no dependencies.
 *
 *   <script src="https://kassa.example/kassa.js"></script>
 *   <div id="checkout"></div>
 *   <script>Kassa.mount(document.getElementById("checkout"), checkoutUrl).then((outcome) => …)</script>
 *
 * or `Kassa.open(checkoutUrl)` for a modal. The frame follows the checkout's height; messages are
 * believed only from the checkout's own origin and its own frame.
 */

export type KassaOutcome = { status: "succeeded" | "authorized" | "failed" | "canceled" | "closed"; intentId: string | null; message?: string };

export type KassaEvent = { event: string; message?: string; status?: string; intent_id?: string; [field: string]: unknown };

export type KassaOptions = {
  /** Paid (or authorized, for manual capture). */
  onSuccess?: (event: KassaEvent) => void;
  /** A decline; `event.final` says whether the buyer may still try again in the frame. */
  onFailure?: (event: KassaEvent) => void;
  /** The buyer canceled the payment in the checkout. */
  onCancel?: (event: KassaEvent) => void;
  /** Every message the checkout posts, resize included. */
  onEvent?: (event: KassaEvent) => void;
  /** For the modal: its accessible name. */
  title?: string;
};

export type KassaHandle = Promise<KassaOutcome> & { frame: HTMLIFrameElement; close: () => void };

const MIN_HEIGHT = 200;
const MAX_HEIGHT = 4000;

function frameFor(checkoutUrl: string, title: string): HTMLIFrameElement {
  const frame = document.createElement("iframe");
  frame.src = checkoutUrl;
  frame.title = title;
  frame.setAttribute("allow", "payment");
  frame.style.cssText = "display:block;width:100%;height:640px;border:0;background:#fff;";
  return frame;
}

/**
 * Listens to the checkout in `frame`, resolving with the payment's outcome. `finish` is called once,
 * with the outcome, whichever way it ends.
 */
function listen(frame: HTMLIFrameElement, checkoutUrl: string, options: KassaOptions, finish: (outcome: KassaOutcome) => void): () => void {
  const origin = new URL(checkoutUrl, location.href).origin;
  const onMessage = (message: MessageEvent) => {
    if (message.origin !== origin || message.source !== frame.contentWindow) return;
    const data = message.data as KassaEvent;
    if (typeof data !== "object" || data === null || typeof data.event !== "string") return;
    options.onEvent?.(data);
    const intentId = typeof data.intent_id === "string" ? data.intent_id : null;
    switch (data.event) {
      case "resize":
        if (typeof data.height === "number" && Number.isFinite(data.height)) {
          frame.style.height = `${Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height)))}px`;
        }
        return;
      case "payment.success":
        options.onSuccess?.(data);
        return finish({ status: data.status === "authorized" ? "authorized" : "succeeded", intentId, message: data.message });
      case "payment.failed":
        options.onFailure?.(data);
        if (data.final === true || data.status === "failed") finish({ status: "failed", intentId, message: data.message });
        return;
      case "payment.canceled":
        options.onCancel?.(data);
        return finish({ status: "canceled", intentId, message: data.message });
      case "escape":
        return finish({ status: "closed", intentId });
    }
  };
  window.addEventListener("message", onMessage);
  return () => window.removeEventListener("message", onMessage);
}

/** Embeds the checkout inside `element`. The promise settles when the payment ends (or `close()`). */
function mount(element: Element, checkoutUrl: string, options: KassaOptions = {}): KassaHandle {
  const frame = frameFor(checkoutUrl, options.title ?? "Checkout");
  let stop = () => {};
  let settle: (outcome: KassaOutcome) => void = () => {};
  const done = new Promise<KassaOutcome>((resolve) => (settle = resolve));
  let settled = false;
  const finish = (outcome: KassaOutcome) => {
    if (settled) return;
    // An inline checkout stays on the page after it ends, showing the outcome, and keeps fitting its
    // frame to it: it goes on listening until close(). An Escape does not remove it.
    if (outcome.status === "closed") return;
    settled = true;
    settle(outcome);
  };
  stop = listen(frame, checkoutUrl, options, finish);
  element.replaceChildren(frame);
  return Object.assign(done, {
    frame,
    close: () => {
      stop();
      frame.remove();
      if (!settled) settle({ status: "closed", intentId: null });
      settled = true;
    },
  });
}

/**
 * Opens the checkout in a modal dialog: focus moves into it and stays there, Escape or the close
 * button closes it, and focus goes back where it was. Settles with the outcome; "closed" when the
 * buyer closed it without finishing.
 */
function open(checkoutUrl: string, options: KassaOptions = {}): KassaHandle {
  const previous = document.activeElement as HTMLElement | null;
  const overlay = document.createElement("div");
  overlay.style.cssText =
    "position:fixed;inset:0;z-index:2147483647;display:flex;align-items:flex-start;justify-content:center;overflow:auto;padding:24px 12px;background:rgba(15,23,42,.6);";
  const dialog = document.createElement("div");
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-modal", "true");
  dialog.setAttribute("aria-label", options.title ?? "Checkout");
  dialog.style.cssText = "position:relative;width:100%;max-width:480px;background:#fff;border-radius:12px;box-shadow:0 20px 50px rgba(0,0,0,.3);overflow:hidden;";
  const closeButton = document.createElement("button");
  closeButton.type = "button";
  closeButton.setAttribute("aria-label", "Close");
  closeButton.textContent = "×";
  closeButton.style.cssText =
    "position:absolute;top:6px;right:6px;z-index:1;width:36px;height:36px;border:0;border-radius:18px;background:#f1f5f9;color:#0f172a;font:24px/1 sans-serif;cursor:pointer;";
  const frame = frameFor(checkoutUrl, options.title ?? "Checkout");
  // Tab from the checkout's last control lands here and goes round to the close button: the
  // parent never sees key presses inside the frame, so the trap needs an element to catch them.
  const wrap = document.createElement("span");
  wrap.tabIndex = 0;
  wrap.addEventListener("focus", () => closeButton.focus());
  dialog.append(closeButton, frame, wrap);
  overlay.append(dialog);

  let settle: (outcome: KassaOutcome) => void = () => {};
  const done = new Promise<KassaOutcome>((resolve) => (settle = resolve));
  const overflow = document.documentElement.style.overflow;
  // Everything behind the dialog is out of reach (focus, clicks, screen readers) while it is open.
  const behind = [...document.body.children].filter((element): element is HTMLElement => element instanceof HTMLElement && !element.inert);
  let outcome: KassaOutcome | null = null;
  let removed = false;
  /** The first outcome wins: a payment that succeeded stays succeeded, even if the buyer closes the dialog right after. */
  const decide = (result: KassaOutcome) => {
    if (outcome) return;
    outcome = result;
    settle(result);
  };
  const remove = () => {
    if (removed) return;
    removed = true;
    stop();
    document.removeEventListener("keydown", onKey, true);
    overlay.remove();
    for (const element of behind) element.inert = false;
    document.documentElement.style.overflow = overflow;
    previous?.focus?.();
  };
  const close = () => {
    decide({ status: "closed", intentId: null });
    remove();
  };
  // Paid or canceled: settled at once; the buyer sees the outcome in the frame for a moment, then the dialog closes.
  const stop = listen(frame, checkoutUrl, options, (result) => {
    if (result.status === "closed") return close();
    decide(result);
    setTimeout(remove, 1500);
  });
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      // Two stops inside the dialog: the close button and the checkout. Tab never leaves them.
      const focusables = [closeButton, frame];
      const index = focusables.indexOf(document.activeElement as HTMLButtonElement);
      if (index === -1 || (event.shiftKey && index === 0) || (!event.shiftKey && index === focusables.length - 1)) {
        event.preventDefault();
        focusables[event.shiftKey ? focusables.length - 1 : 0]!.focus();
      }
    }
  };
  closeButton.addEventListener("click", close);
  overlay.addEventListener("click", (event) => event.target === overlay && close());
  document.addEventListener("keydown", onKey, true);
  document.documentElement.style.overflow = "hidden";
  for (const element of behind) element.inert = true;
  document.body.append(overlay);
  closeButton.focus();
  return Object.assign(done, { frame, close });
}

window.Kassa = { mount, open, version: "1" };
