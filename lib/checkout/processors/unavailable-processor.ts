import { PROCESSING_ERROR } from "../authorize-attempt";
import type { AuthorizationResult, CardProcessor, OperationResult } from "../processor";

/**
 * Stands in for an acquirer that is not there. Nothing is sent anywhere, so an authorization is a
 * "96" the buyer may retry; captures, voids and refunds are refused with the reason. What became of
 * an attempt sent to the acquirer that was removed cannot be told from here: retrieve throws, and the
 * attempt waits (logged) for the acquirer to be set again.
 */
export class UnavailableProcessor implements CardProcessor {
  readonly name = "unavailable";

  constructor(private readonly reason: string) {}

  async authorize(): Promise<AuthorizationResult> {
    return { ...PROCESSING_ERROR, processorReference: "" };
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

  async retrieve(): Promise<never> {
    throw new Error(this.reason);
  }
}
