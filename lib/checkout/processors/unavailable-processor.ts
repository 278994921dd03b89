import type { AuthorizationResult, CardProcessor, OperationResult } from "../processor";

/**
 * Stands in for an acquirer that is not there. Authorizing fails as an unreachable acquirer does (the
 * buyer sees a "96" they may retry); captures, voids and refunds are refused with the reason.
 */
export class UnavailableProcessor implements CardProcessor {
  readonly name = "unavailable";

  constructor(private readonly reason: string) {}

  async authorize(): Promise<never> {
    throw new Error(this.reason);
  }

  async completeAuthentication(): Promise<never> {
    throw new Error(this.reason);
  }

  async capture(): Promise<OperationResult> {
    return { ok: false, message: this.reason };
  }

  async void(): Promise<OperationResult> {
    return { ok: false, message: this.reason };
  }

  async refund(): Promise<OperationResult> {
    return { ok: false, message: this.reason };
  }

  async retrieve(): Promise<AuthorizationResult | null> {
    return null;
  }
}
