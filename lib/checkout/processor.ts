import type { CardBrand } from "./card";

/**
 * What Kassa needs from an acquirer. The simulation implements it today; a real acquirer's
 * adapter implements the same three calls later and nothing else changes.
 */
export interface CardProcessor {
  readonly name: string;
  authorize(request: AuthorizationRequest): Promise<AuthorizationResult>;
}

export type AuthorizationRequest = {
  /** Kassa's attempt id: the acquirer's idempotency key for this authorization. */
  reference: string;
  amount: number;
  currency: string;
  /** Present for a card the buyer just typed; absent when charging a saved card. */
  card?: { pan: string; cvc: string; expMonth: number; expYear: number };
  token: { fingerprint: string; brand: CardBrand; last4: string };
  capture: boolean;
};

export type AuthorizationResult =
  | { approved: true; processorReference: string; authorizationCode: string }
  | { approved: false; processorReference: string; declineCode: string; message: string };
