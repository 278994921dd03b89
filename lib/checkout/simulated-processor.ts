import { randomBase62 } from "@/lib/crypto/tokens";
import type { AuthorizationRequest, AuthorizationResult, CardProcessor } from "./processor";
import { cardFingerprint } from "./fingerprint";
import { declineMessage, TEST_CARDS } from "./test-cards";

/**
 * A stand-in acquirer: the test cards decline with their codes, every other valid card approves.
 * It recognises a saved card by fingerprint, so renewals of a test card behave like the card.
 */
export class SimulatedProcessor implements CardProcessor {
  readonly name = "simulated";

  async authorize(request: AuthorizationRequest): Promise<AuthorizationResult> {
    const processorReference = `sim_${randomBase62(20)}`;
    const declineCode = this.declineCodeFor(request);
    if (declineCode) return { approved: false, processorReference, declineCode, message: declineMessage(declineCode) };
    return { approved: true, processorReference, authorizationCode: randomBase62(6).toUpperCase() };
  }

  private declineCodeFor(request: AuthorizationRequest): string | undefined {
    const card = TEST_CARDS.find((test) =>
      request.card ? test.number === request.card.pan : cardFingerprint(test.number) === request.token.fingerprint,
    );
    return card && "declineCode" in card ? card.declineCode : undefined;
  }
}

let processor: CardProcessor = new SimulatedProcessor();

export function getProcessor(): CardProcessor {
  return processor;
}

/** For tests that need an acquirer which fails or stalls. */
export function setProcessor(next: CardProcessor): void {
  processor = next;
}
