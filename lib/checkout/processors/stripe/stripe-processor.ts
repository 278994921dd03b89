import Stripe from "stripe";
import type {
  AuthenticationRequired,
  AuthorizationRequest,
  AuthorizationResult,
  CardProcessor,
  OperationResult,
} from "../../processor";
import { logError } from "@/lib/errors/log-error";
import { PROCESSING_ERROR, processorTimeoutMs } from "../../authorize-attempt";
import { declineMessage } from "../../test-cards";
import { isoDeclineCode } from "./decline-codes";

/**
 * The merchant's Stripe account as Kassa's acquirer, through the official `stripe` package. Every
 * call that moves money carries an Idempotency-Key made from Kassa's reference, so the worker's
 * retries and a restart's never charge twice; the PaymentIntent carries the reference in
 * metadata[kassa_reference], so `retrieve` finds one whose answer was lost.
 */
export class StripeProcessor implements CardProcessor {
  readonly name = "stripe";
  /** The PaymentIntent made for each reference, for a strongly consistent read (search may lag). */
  private readonly made = new Map<string, string>();

  constructor(private readonly stripe: Stripe) {}

  /**
   * Two steps, so that no money can move before Kassa knows the PaymentIntent's id: create it
   * (unconfirmed: charging nothing), then confirm it. An answer lost after the confirm is then read
   * back by id, which Stripe answers at once, rather than found by a search that may lag.
   */
  async authorize(request: AuthorizationRequest): Promise<AuthorizationResult | AuthenticationRequired> {
    const confirmBy = Date.now() + processorTimeoutMs() * 0.6;
    let created: Stripe.PaymentIntent | AuthorizationResult;
    try {
      created = await this.prepare(request);
    } catch (error) {
      const decline = cardDecline(error);
      if (decline) return decline;
      // Nothing was confirmed, so nothing can have been charged: a decline the buyer may retry.
      logError(`Stripe refused or did not answer before attempt ${request.reference} was confirmed`, error);
      return { ...PROCESSING_ERROR, processorReference: "" };
    }
    if (!("object" in created)) return created;
    // Kassa stops waiting after its own limit; a confirm sent later could charge a buyer who was
    // already told to try again. So past most of that time, nothing is confirmed.
    if (Date.now() > confirmBy) {
      await this.stripe.paymentIntents.cancel(created.id, {}, { idempotencyKey: `${request.reference}-too-late` }).catch(() => undefined);
      return { ...PROCESSING_ERROR, processorReference: created.id };
    }
    try {
      const confirmed = await this.stripe.paymentIntents.confirm(
        created.id,
        // A buyer on the page can answer 3-D Secure (and comes back to Kassa after); a renewal cannot.
        request.card ? { return_url: request.returnUrl } : { off_session: true },
        { idempotencyKey: `${request.reference}-confirm` },
      );
      return answerOf(confirmed, request.saveCard);
    } catch (error) {
      const decline = cardDecline(error);
      if (decline) return decline;
      // The confirm may have charged the card: Kassa reads back what it did (retrieve, by id).
      throw error;
    }
  }

  /** The card at Stripe (a PaymentMethod, and a Customer to keep it for renewals) and an unconfirmed PaymentIntent for it. */
  private async prepare(request: AuthorizationRequest): Promise<Stripe.PaymentIntent | AuthorizationResult> {
    const paymentMethod = request.card ? await this.paymentMethodFor(request) : request.savedCard?.paymentMethod;
    if (!paymentMethod) return declined("", "05", "This card was not saved with the acquirer, so it cannot be charged again.");
    const customer = request.savedCard?.customer ?? (request.saveCard ? await this.customerFor(request) : undefined);
    const created = await this.stripe.paymentIntents.create(
      {
        amount: request.amount,
        currency: request.currency.toLowerCase(),
        payment_method: paymentMethod,
        // Cards only: no redirect-based payment method can be chosen behind the buyer's back.
        allowed_payment_method_types: ["card"],
        capture_method: request.capture ? "automatic" : "manual",
        metadata: { kassa_reference: request.reference, kassa_intent: request.intentId },
        ...(customer ? { customer } : {}),
        ...(request.saveCard ? { setup_future_usage: "off_session" as const } : {}),
      },
      { idempotencyKey: request.reference },
    );
    this.remember(request.reference, created.id);
    return created;
  }

  /**
   * The buyer is back from Stripe's challenge: Stripe, not the buyer's word, says how it went. One who
   * left it unfinished (or chose another card) has their PaymentIntent canceled, so it can never be
   * completed behind Kassa's back.
   */
  async completeAuthentication(request: { reference: string; processorReference: string }): Promise<AuthorizationResult> {
    const intent = await this.stripe.paymentIntents.retrieve(request.processorReference);
    if (intent.status === "requires_action") {
      await this.stripe.paymentIntents.cancel(intent.id, {}, { idempotencyKey: `${request.reference}-abandoned` });
      return declined(intent.id, "authentication_failed");
    }
    const answer = answerOf(intent, Boolean(intent.setup_future_usage));
    if ("authenticationRequired" in answer) return declined(intent.id, "authentication_failed");
    return answer;
  }

  async capture(request: { reference: string; authorization: string; amount: number }): Promise<OperationResult> {
    return operation(async () => {
      const intent = await this.stripe.paymentIntents.capture(request.authorization, { amount_to_capture: request.amount }, { idempotencyKey: request.reference });
      return chargeOf(intent) ?? intent.id;
    });
  }

  async void(request: { reference: string; authorization: string }): Promise<OperationResult> {
    return operation(async () => (await this.stripe.paymentIntents.cancel(request.authorization, {}, { idempotencyKey: request.reference })).id);
  }

  async refund(request: { reference: string; authorization: string; amount: number }): Promise<OperationResult> {
    return operation(async () => {
      const refund = await this.stripe.refunds.create(
        { payment_intent: request.authorization, amount: request.amount, metadata: { kassa_reference: request.reference } },
        { idempotencyKey: request.reference },
      );
      if (refund.status === "failed" || refund.status === "canceled") throw new RefusedError(`Stripe's refund ${refund.id} is ${refund.status}.`);
      return refund.id;
    });
  }

  /**
   * The PaymentIntent made for this reference: read by id when Kassa knows it, else found by its
   * metadata. One never confirmed, or left waiting on a challenge nobody will answer, is canceled
   * first, so that "never arrived" (null) is true. Any failure to ask is thrown: Kassa then cannot
   * tell, and asks again later.
   */
  async retrieve(reference: string, processorReference?: string | null): Promise<AuthorizationResult | null> {
    const known = processorReference || this.made.get(reference);
    const intent = known ? await this.stripe.paymentIntents.retrieve(known) : (await this.stripe.paymentIntents.search({ query: `metadata['kassa_reference']:'${reference}'`, limit: 1 })).data[0];
    if (!intent || intent.status === "canceled") return null;
    if (intent.status === "processing") throw new Error(`Stripe is still processing ${intent.id}`);
    if (intent.status === "requires_action" || intent.status === "requires_confirmation") {
      await this.stripe.paymentIntents.cancel(intent.id, {}, { idempotencyKey: `${reference}-unanswered` });
      return null;
    }
    const answer = answerOf(intent, Boolean(intent.setup_future_usage));
    return "authenticationRequired" in answer ? null : answer;
  }

  private remember(reference: string, intentId: string) {
    this.made.set(reference, intentId);
    // Far more than can be in flight; the oldest go first (a Map keeps insertion order).
    if (this.made.size > 10_000) this.made.delete(this.made.keys().next().value!);
  }

  private async paymentMethodFor(request: AuthorizationRequest): Promise<string> {
    const card = request.card!;
    const method = await this.stripe.paymentMethods.create(
      { type: "card", card: { number: card.pan, cvc: card.cvc, exp_month: card.expMonth, exp_year: card.expYear } },
      { idempotencyKey: `${request.reference}-payment-method` },
    );
    return method.id;
  }

  private async customerFor(request: AuthorizationRequest): Promise<string> {
    const customer = await this.stripe.customers.create({ metadata: { kassa_intent: request.intentId } }, { idempotencyKey: `${request.reference}-customer` });
    return customer.id;
  }
}

/** The acquirer refused the operation (not "could not be reached"): the intent says so, nothing is retried. */
class RefusedError extends Error {}

async function operation(run: () => Promise<string>): Promise<OperationResult> {
  try {
    return { ok: true, processorReference: await run() };
  } catch (error) {
    if (error instanceof RefusedError) return { ok: false, message: error.message };
    // Stripe refused it (already captured, more than was authorized): final. Anything else (down,
    // timed out, 5xx) is thrown, so the operation stays pending and the worker asks again.
    if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}

function answerOf(intent: Stripe.PaymentIntent, saveCard: boolean): AuthorizationResult | AuthenticationRequired {
  switch (intent.status) {
    case "succeeded":
    case "requires_capture": {
      const paymentMethod = idOf(intent.payment_method);
      const customer = idOf(intent.customer);
      return {
        approved: true,
        processorReference: intent.id,
        authorizationCode: chargeOf(intent) ?? intent.id,
        ...(saveCard && paymentMethod && customer ? { savedCard: { customer, paymentMethod } } : {}),
      };
    }
    case "requires_action": {
      const url = intent.next_action?.redirect_to_url?.url;
      // Without a page to send the buyer to, nobody can answer the bank.
      return url ? { authenticationRequired: true, processorReference: intent.id, challengeUrl: url } : declined(intent.id, "authentication_required");
    }
    case "requires_payment_method": {
      const error = intent.last_payment_error;
      // A failed 3-D Secure challenge is said by its code; a bank's refusal by its decline_code.
      const failedAuthentication = error?.code === "payment_intent_authentication_failure";
      return declined(intent.id, isoDeclineCode(failedAuthentication ? error.code : (error?.decline_code ?? error?.code)));
    }
    case "canceled":
      return declined(intent.id, "05");
    default:
      throw new Error(`Stripe answered PaymentIntent ${intent.id} in status ${intent.status}`);
  }
}

/** A card error is a decline, with the PaymentIntent it failed (the SDK throws it for a 402). */
function cardDecline(error: unknown): AuthorizationResult | null {
  if (!(error instanceof Stripe.errors.StripeCardError)) return null;
  return declined(error.payment_intent?.id ?? "", isoDeclineCode(error.decline_code ?? error.code));
}

function declined(processorReference: string, declineCode: string, message = declineMessage(declineCode)): AuthorizationResult {
  return { approved: false, processorReference, declineCode, message };
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));
const chargeOf = (intent: Stripe.PaymentIntent) => idOf(intent.latest_charge);
