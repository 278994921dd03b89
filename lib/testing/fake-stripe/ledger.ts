import { randomBytes } from "node:crypto";
import type { FormValue } from "@/lib/dialects/stripe/form";
import { brandOf, cardOutcome } from "./cards";

type Params = Record<string, FormValue>;
export type Answer = { status: number; body: unknown };
export type PaymentIntentRecord = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  status: string;
  capture_method: string;
  customer: string | null;
  payment_method: string | null;
  setup_future_usage: string | null;
  metadata: Record<string, string>;
  latest_charge: string | null;
  next_action: unknown;
  last_payment_error: unknown;
  livemode: boolean;
  created: number;
};
type PaymentMethodRecord = { id: string; object: "payment_method"; type: "card"; customer: string | null; card: { brand: string; last4: string; exp_month: number; exp_year: number } };

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);
const text = (params: Params, name: string) => (typeof params[name] === "string" ? (params[name] as string) : undefined);
export const invalid = (message: string, param?: string, status = 400): Answer => ({ status, body: { error: { type: "invalid_request_error", message, ...(param ? { param } : {}) } } });

/**
 * A Stripe account's money, kept in memory, for the adapter's tests: customers, payment methods
 * (holding the card number, as Stripe does; Kassa never does), PaymentIntents, refunds. Each call
 * answers as Stripe's API reference says, for the parts Kassa's adapter uses.
 */
export class FakeStripeLedger {
  readonly intents = new Map<string, PaymentIntentRecord>();
  readonly refunds: { id: string; payment_intent: string; amount: number }[] = [];
  private readonly methods = new Map<string, PaymentMethodRecord & { number: string }>();
  private readonly customers = new Set<string>();
  private readonly madeAt = new Map<string, number>();
  /** Stripe's search may not show a PaymentIntent for up to a minute; a test can make this one lag as much. */
  searchLagMs = 0;

  constructor(private readonly baseUrl: () => string) {}

  createCustomer(): Answer {
    const customer = id("cus");
    this.customers.add(customer);
    return { status: 200, body: { id: customer, object: "customer", livemode: false, created: now() } };
  }

  createPaymentMethod(params: Params): Answer {
    const card = params.card as Record<string, string> | undefined;
    if (text(params, "type") !== "card" || !card?.number) return invalid("Missing required param: card.", "card");
    const method = {
      id: id("pm"),
      object: "payment_method" as const,
      type: "card" as const,
      customer: null,
      number: card.number,
      card: { brand: brandOf(card.number), last4: card.number.slice(-4), exp_month: Number(card.exp_month), exp_year: Number(card.exp_year) },
    };
    this.methods.set(method.id, method);
    return { status: 200, body: publicMethod(method) };
  }

  createPaymentIntent(params: Params): Answer {
    const method = this.methods.get(text(params, "payment_method") ?? "");
    if (!method) return invalid(`No such PaymentMethod: '${text(params, "payment_method")}'`, "payment_method", 404);
    const customer = text(params, "customer") ?? null;
    if (customer && !this.customers.has(customer)) return invalid(`No such customer: '${customer}'`, "customer", 404);
    const intent: PaymentIntentRecord = {
      id: id("pi"),
      object: "payment_intent",
      amount: Number(text(params, "amount")),
      amount_capturable: 0,
      amount_received: 0,
      currency: text(params, "currency") ?? "",
      status: "requires_confirmation",
      capture_method: text(params, "capture_method") ?? "automatic",
      customer,
      payment_method: method.id,
      setup_future_usage: text(params, "setup_future_usage") ?? null,
      metadata: (params.metadata as Record<string, string> | undefined) ?? {},
      latest_charge: null,
      next_action: null,
      last_payment_error: null,
      livemode: false,
      created: now(),
    };
    this.intents.set(intent.id, intent);
    this.madeAt.set(intent.id, Date.now());
    return text(params, "confirm") === "true" ? this.confirm(intent.id, params) : { status: 200, body: intent };
  }

  /** Charges the card, asks for 3-D Secure, or declines, as the test card says. */
  confirm(intentId: string, params: Params): Answer {
    const intent = this.intents.get(intentId);
    if (!intent) return invalid(`No such payment_intent: '${intentId}'`, "intent", 404);
    if (intent.status !== "requires_confirmation") return invalid(`This PaymentIntent's status is ${intent.status}, so it cannot be confirmed.`);
    const method = this.methods.get(intent.payment_method ?? "")!;
    const offSession = text(params, "off_session") === "true";
    if (offSession && method.customer !== intent.customer) return invalid("The provided PaymentMethod was previously used without being attached to a Customer.", "payment_method");
    const outcome = cardOutcome(method.number, offSession);
    if (outcome.kind === "decline") return this.decline(intent, outcome.declineCode);
    if (outcome.kind === "authenticate") {
      const returnUrl = text(params, "return_url");
      if (!returnUrl) return invalid("A return_url is needed to confirm a PaymentIntent that requires authentication.", "return_url");
      intent.status = "requires_action";
      intent.next_action = { type: "redirect_to_url", redirect_to_url: { url: `${this.baseUrl()}/challenge/${intent.id}`, return_url: returnUrl } };
      return { status: 200, body: intent };
    }
    return { status: 200, body: this.approve(intent) };
  }

  /** The buyer's answer on the bank's page. */
  answerChallenge(intentId: string, passed: boolean): PaymentIntentRecord | null {
    const intent = this.intents.get(intentId);
    if (!intent || intent.status !== "requires_action") return null;
    intent.next_action = null;
    if (passed) this.approve(intent);
    else this.decline(intent, "authentication_required", "payment_intent_authentication_failure");
    return intent;
  }

  capture(intentId: string, params: Params): Answer {
    const intent = this.intents.get(intentId);
    if (!intent) return invalid(`No such payment_intent: '${intentId}'`, "intent", 404);
    if (intent.status !== "requires_capture") return invalid(`This PaymentIntent could not be captured because it has a status of ${intent.status}.`);
    const amount = text(params, "amount_to_capture") ? Number(text(params, "amount_to_capture")) : intent.amount_capturable;
    if (amount > intent.amount_capturable) return invalid("The amount to capture must be less than or equal to the amount capturable.", "amount_to_capture");
    Object.assign(intent, { status: "succeeded", amount_received: amount, amount_capturable: 0 });
    return { status: 200, body: intent };
  }

  cancel(intentId: string): Answer {
    const intent = this.intents.get(intentId);
    if (!intent) return invalid(`No such payment_intent: '${intentId}'`, "intent", 404);
    if (intent.status === "succeeded" || intent.status === "canceled") return invalid(`You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`);
    Object.assign(intent, { status: "canceled", amount_capturable: 0, next_action: null });
    return { status: 200, body: intent };
  }

  refund(params: Params): Answer {
    const intent = this.intents.get(text(params, "payment_intent") ?? "");
    if (!intent || intent.status !== "succeeded") return invalid("This PaymentIntent has no charge to refund.", "payment_intent");
    const refunded = this.refunds.filter((refund) => refund.payment_intent === intent.id).reduce((sum, refund) => sum + refund.amount, 0);
    const amount = text(params, "amount") ? Number(text(params, "amount")) : intent.amount_received - refunded;
    if (amount > intent.amount_received - refunded) return invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge.`, "amount");
    const refund = { id: id("re"), payment_intent: intent.id, amount };
    this.refunds.push(refund);
    return { status: 200, body: { ...refund, object: "refund", status: "succeeded", currency: intent.currency, charge: intent.latest_charge, created: now() } };
  }

  /** Search supports the one query the adapter sends: metadata['key']:'value'. */
  search(query: string): Answer {
    const match = /^metadata\['([^']+)'\]:'([^']*)'$/.exec(query);
    if (!match) return invalid("Kassa's fake Stripe supports only metadata['key']:'value' searches.", "query");
    const visible = (intent: PaymentIntentRecord) => (this.madeAt.get(intent.id) ?? 0) <= Date.now() - this.searchLagMs;
    const data = [...this.intents.values()].filter((intent) => intent.metadata[match[1]!] === match[2] && visible(intent));
    return { status: 200, body: { object: "search_result", data, has_more: false, url: "/v1/payment_intents/search", next_page: null } };
  }

  private approve(intent: PaymentIntentRecord): PaymentIntentRecord {
    const manual = intent.capture_method === "manual";
    Object.assign(intent, {
      status: manual ? "requires_capture" : "succeeded",
      amount_capturable: manual ? intent.amount : 0,
      amount_received: manual ? 0 : intent.amount,
      latest_charge: id("ch"),
    });
    const method = this.methods.get(intent.payment_method ?? "");
    // setup_future_usage with a customer attaches the card to it, as Stripe does on success.
    if (method && intent.setup_future_usage && intent.customer) method.customer = intent.customer;
    return intent;
  }

  private decline(intent: PaymentIntentRecord, declineCode: string, code = declineCode === "authentication_required" ? "authentication_required" : "card_declined"): Answer {
    // A failed challenge has a code of its own and no decline_code, as Stripe reports it.
    const error = code === "payment_intent_authentication_failure"
      ? { type: "card_error", code, message: "The provided PaymentMethod has failed authentication." }
      : { type: "card_error", code, decline_code: declineCode, message: "Your card was declined." };
    Object.assign(intent, { status: "requires_payment_method", last_payment_error: error, latest_charge: code === "card_declined" ? id("ch") : null });
    return { status: 402, body: { error: { ...error, payment_intent: intent } } };
  }
}

function publicMethod(method: PaymentMethodRecord & { number: string }): PaymentMethodRecord {
  const { number: _number, ...rest } = method;
  return rest;
}
