import type { CardBrand } from "./card";

/**
 * What Kassa needs from an acquirer. The simulation implements it today; a real acquirer's adapter
 * implements the same calls later and nothing else changes. Every call carries Kassa's own id as
 * `reference`, which the acquirer must treat as an idempotency key: calling again with the same
 * reference never moves money twice.
 */
export interface CardProcessor {
  readonly name: string;
  /**
   * Authorizes a payment, or says the card's bank wants the buyer to authenticate first (3-D
   * Secure). Off-session (a saved card, no buyer present) it must not ask: it declines instead.
   */
  authorize(request: AuthorizationRequest): Promise<AuthorizationResult | AuthenticationRequired>;
  /**
   * Finishes an authorization that needed authentication, once the buyer has answered the bank's
   * challenge: approved, or declined ("authentication_failed" when they failed it).
   */
  completeAuthentication(request: { reference: string; processorReference: string; authenticated: boolean }): Promise<AuthorizationResult>;
  /** Captures some or all of an authorization. */
  capture(request: { reference: string; authorization: string; amount: number; currency: string }): Promise<OperationResult>;
  /** Releases an authorization that will not be captured. */
  void(request: { reference: string; authorization: string }): Promise<OperationResult>;
  /** Sends captured money back. */
  refund(request: { reference: string; authorization: string; amount: number; currency: string }): Promise<OperationResult>;
  /**
   * What became of an authorization Kassa asked for but never heard back about; null if it never
   * arrived. Kassa treats null as "no money moved", so an adapter whose authorize call timed out
   * should reverse it by reference before answering null, and must throw, never answer null, when
   * it cannot tell (the acquirer is down, or its records may lag): the attempt then stays
   * processing until the reconciler asks again. `processorReference` is the acquirer's own id for
   * it, when Kassa learnt one.
   */
  retrieve(reference: string, processorReference?: string | null): Promise<AuthorizationResult | null>;
}

export type AuthorizationRequest = {
  /** Kassa's attempt id. */
  reference: string;
  amount: number;
  currency: string;
  /** Present for a card the buyer just typed; absent when charging a saved card. */
  card?: { pan: string; cvc: string; expMonth: number; expYear: number };
  token: { fingerprint: string; brand: CardBrand; last4: string };
  capture: boolean;
  /** The intent the attempt pays, for the acquirer's own records. */
  intentId: string;
  /** Where an acquirer whose bank wants 3-D Secure sends the buyer back to once they have answered. */
  returnUrl: string;
  /** A first payment of a recurring intent: the acquirer keeps the card, and answers with savedCard. */
  saveCard: boolean;
  /** A renewal of a live card: what the acquirer kept of it (Kassa keeps no card number to send). */
  savedCard?: SavedCard | null;
};

/** The acquirer's own names for a card it keeps for renewals (a Stripe customer and payment method). */
export type SavedCard = { customer: string; paymentMethod: string };

export type AuthorizationResult =
  | { approved: true; processorReference: string; authorizationCode: string; savedCard?: SavedCard }
  | { approved: false; processorReference: string; declineCode: string; message: string };

/**
 * The bank wants the buyer to authenticate. Kassa parks the attempt, shows the buyer the challenge
 * (its own page for the simulation; a real adapter would give its ACS's URL here) and then calls
 * completeAuthentication with the same reference.
 */
export type AuthenticationRequired = { authenticationRequired: true; processorReference: string; challengeUrl?: string };

export function requiresAuthentication(result: AuthorizationResult | AuthenticationRequired): result is AuthenticationRequired {
  return "authenticationRequired" in result;
}

export type OperationResult = { ok: true; processorReference: string } | { ok: false; message: string };
