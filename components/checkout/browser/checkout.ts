import { BRAND_LABELS, cvcLength, detectBrand } from "@/lib/checkout/card-brand";
import { MAX_ATTEMPTS } from "@/lib/checkout/limits";
import { declineEventFields, type CheckoutPageData } from "../page-data";
import { checkFields, formatCardNumber, formatExpiry, type CardField, type FieldErrors } from "./card-fields";
import { startCountdown } from "./countdown";
import { postToParent, type EmbedTarget } from "./post-to-parent";
import { reportHeight } from "./report-height";
import { followStablecoin } from "./stablecoin-watch";

/**
 * The checkout's only script: it takes over the server-rendered form so the buyer gets instant
 * field checks and pays without a page load. Everything it says comes from the page, already in
 * the buyer's language. Without it the same form posts and the server answers with a new page.
 */
function start(data: CheckoutPageData): void {
  const embed: EmbedTarget = { intentId: data.intentId, referenceId: data.referenceId, allowedOrigins: data.allowedOrigins };
  for (const { event, fields } of data.announce) postToParent(embed, event, fields);
  reportHeight(embed);
  // A key pressed in a frame never reaches the page around it: kassa.js closes its modal on this.
  // On keyup, once the key press is over, so the frame is not removed halfway through it.
  document.addEventListener("keyup", (event) => event.key === "Escape" && postToParent(embed, "escape", {}));
  startCountdown(data.text, data.expiresAt);
  if (data.stablecoin) followStablecoin(data, data.stablecoin, embed);
  const form = document.getElementById("card-form");
  if (form instanceof HTMLFormElement) new CardForm(data, embed, form);
}

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

class CardForm {
  private readonly number = element<HTMLInputElement>("card-number");
  private readonly expiry = element<HTMLInputElement>("card-expiry");
  private readonly cvc = element<HTMLInputElement>("card-cvc");
  private readonly name = element<HTMLInputElement>("card-name");
  /** Only when the merchant sent no email and receipts are on. */
  private readonly email = document.getElementById("card-email") as HTMLInputElement | null;
  private readonly button = element<HTMLButtonElement>("pay-button");
  private readonly payLabel = element("pay-label").textContent ?? "";
  private previousExpiry = "";
  private submits = 0;
  private submitting = false;

  constructor(
    private readonly data: CheckoutPageData,
    private readonly embed: EmbedTarget,
    private readonly form: HTMLFormElement,
  ) {
    this.number.addEventListener("input", () => this.setNumber(this.number.value));
    this.expiry.addEventListener("input", () => {
      this.expiry.value = formatExpiry(this.expiry.value, this.previousExpiry);
      this.previousExpiry = this.expiry.value;
    });
    this.cvc.addEventListener("input", () => (this.cvc.value = this.cvc.value.replace(/\D/g, "").slice(0, 4)));
    for (const button of document.querySelectorAll<HTMLButtonElement>("[data-test-card]")) {
      button.addEventListener("click", () => this.setNumber(button.dataset.testCard ?? ""));
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submit();
    });
    const cancel = document.getElementById("cancel-form");
    if (cancel instanceof HTMLFormElement && data.uiMode === "embedded") {
      cancel.addEventListener("submit", (event) => {
        event.preventDefault();
        void this.cancel(cancel);
      });
    }
  }

  private setNumber(value: string): void {
    this.number.value = formatCardNumber(value);
    const brand = detectBrand(this.number.value.replace(/\D/g, ""));
    element("card-brand").textContent = BRAND_LABELS[brand];
    this.cvc.placeholder = this.data.text.cvcPlaceholder.replace("{digits}", String(cvcLength(brand)));
  }

  private async submit(): Promise<void> {
    if (this.submitting) return;
    const errors = checkFields(this.data.text.fields, this.number.value, this.expiry.value, this.cvc.value, this.email?.value ?? "");
    if (this.showFieldErrors(errors)) return;
    this.setSubmitting(true);
    this.submits += 1;
    const [month, year] = this.expiry.value.split("/").map((part) => Number(part.trim()));
    try {
      const response = await fetch(`/api/v1/payment-intents/${encodeURIComponent(this.data.intentId)}/confirm`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `${this.data.submissionKey}-${this.submits}` },
        body: JSON.stringify({
          client_secret: this.data.clientSecret,
          card: { number: this.number.value.replace(/\D/g, ""), exp_month: month, exp_year: 2000 + (year ?? 0), cvc: this.cvc.value, name: this.name.value || null },
          ...(this.email?.value.trim() ? { customer_email: this.email.value.trim() } : {}),
        }),
      });
      const body = (await response.json()) as ConfirmAnswer;
      // The bank wants 3-D Secure: its challenge page, in this window or frame, says what comes next.
      if (response.ok && body.status === "requires_action" && body.next_action) return location.assign(body.next_action.redirect_to_url.url);
      if (response.ok) return this.succeed(body.status ?? "succeeded");
      if (response.status === 402 && body.error) return this.decline(body.error);
      const param = body.error?.param;
      if (response.status === 400 && typeof param === "string" && (param.startsWith("card[") || param === "customer_email")) {
        const field: CardField = param === "customer_email" ? "email" : param.includes("number") ? "number" : param.includes("cvc") ? "cvc" : "expiry";
        this.showFieldErrors({ [field]: body.error!.message });
        return this.setSubmitting(false);
      }
      // The intent moved on (paid elsewhere, expired, canceled): the page knows what to show.
      if (response.status === 409 || response.status === 422) return location.reload();
      this.fail(this.data.text.notProcessed);
    } catch {
      this.fail(this.data.text.network);
    }
  }

  private succeed(status: string): void {
    postToParent(this.embed, "payment.success", { message: "Payment successful", status });
    if (this.data.uiMode === "hosted" && this.data.successUrl) {
      element("pay-label").textContent = this.data.text.redirecting;
      location.assign(this.data.successUrl);
    } else {
      location.reload();
    }
  }

  private decline(error: NonNullable<ConfirmAnswer["error"]>): void {
    const code = error.decline_code;
    const reason = code ? (this.data.text.declines[code] ?? this.data.text.declines.other!) : error.message;
    const message = code ? this.data.text.declined.replace("{message}", reason).replace("{code}", code) : reason;
    const final = error.payment_intent?.status === "failed";
    const attemptsLeft = Math.max(0, MAX_ATTEMPTS - (error.payment_intent?.attempt_count ?? MAX_ATTEMPTS));
    postToParent(this.embed, "payment.failed", declineEventFields(message, code ?? null, attemptsLeft));
    // After the last decline the page shows the way back to the merchant, and no countdown.
    if (final) return location.reload();
    this.showMessage(message, this.data.text.attemptsLeft[attemptsLeft] ?? "");
    this.setSubmitting(false);
  }

  private fail(message: string): void {
    postToParent(this.embed, "error", { message });
    this.showMessage(message, "");
    this.setSubmitting(false);
  }

  private async cancel(cancel: HTMLFormElement): Promise<void> {
    const response = await fetch(cancel.action, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_secret: this.data.clientSecret }),
    }).catch(() => null);
    if (response?.ok) postToParent(this.embed, "payment.canceled", { message: "The buyer canceled the payment", status: "canceled" });
    location.reload();
  }

  /** One current message: the banner says the latest thing, and field errors replace it. */
  private showMessage(message: string, attempts: string): void {
    const banner = element("payment-error");
    element("payment-error-message").textContent = message;
    const attemptsLine = element("payment-error-attempts");
    attemptsLine.textContent = attempts;
    attemptsLine.hidden = !attempts;
    banner.hidden = false;
    this.form.setAttribute("aria-describedby", "payment-error");
    banner.focus();
  }

  private hideMessage(): void {
    element("payment-error").hidden = true;
    this.form.removeAttribute("aria-describedby");
  }

  /** Marks each field's error, or clears it; true when there was any. */
  private showFieldErrors(errors: FieldErrors): boolean {
    const fields: [CardField, HTMLInputElement][] = [["number", this.number], ["expiry", this.expiry], ["cvc", this.cvc]];
    if (this.email) fields.push(["email", this.email]);
    let first: [CardField, HTMLInputElement] | undefined;
    for (const [field, input] of fields) {
      const message = errors[field];
      const note = element(`${input.id}-error`);
      note.textContent = message ?? "";
      note.hidden = !message;
      input.setAttribute("aria-invalid", String(Boolean(message)));
      if (message) input.setAttribute("aria-describedby", note.id);
      else input.removeAttribute("aria-describedby");
      if (message && !first) first = [field, input];
    }
    if (!first) return false;
    this.hideMessage();
    first[1].focus();
    postToParent(this.embed, "error", { message: errors[first[0]] });
    return true;
  }

  private setSubmitting(submitting: boolean): void {
    this.submitting = submitting;
    this.button.disabled = submitting;
    this.button.setAttribute("aria-busy", String(submitting));
    element("pay-spinner").hidden = !submitting;
    element("pay-label").textContent = submitting ? this.data.text.processing : this.payLabel;
  }
}

type ConfirmAnswer = {
  status?: string;
  next_action?: { redirect_to_url: { url: string } } | null;
  error?: { message: string; param?: string; decline_code?: string; payment_intent?: { status: string; attempt_count: number } };
};

// Last, so that everything above is defined when it runs.
const island = document.getElementById("checkout-data");
if (island?.textContent) start(JSON.parse(island.textContent) as CheckoutPageData);
