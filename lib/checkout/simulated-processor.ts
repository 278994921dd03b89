import { randomBase62 } from "@/lib/crypto/tokens";
import { cardFingerprint } from "./fingerprint";
import { requiresAuthentication, type AuthenticationRequired, type AuthorizationRequest, type AuthorizationResult, type CardProcessor, type OperationResult } from "./processor";
import { declineMessage, TEST_CARDS } from "./test-cards";

/** A saved test card that charges fine the first time and is declined on every renewal (Stripe's 0341). */
export const DECLINES_WHEN_SAVED = "4000000000000341";
/** Asks for 3-D Secure whenever the buyer is present, and declines off-session (Stripe's 3184). */
export const ALWAYS_AUTHENTICATES = "4000002760003184";
/** Asks for 3-D Secure when the buyer is present; a saved card then charges without it (Stripe's 3155). */
export const AUTHENTICATES_ONCE = "4000002500003155";

/**
 * A stand-in acquirer: the test cards decline with their codes, every other valid card approves.
 * It recognises a saved card by fingerprint, so renewals of a test card behave like the card, and
 * it remembers answers by reference (within this process), as a real acquirer would.
 */
/** How many answers the simulation remembers: far more than can be in flight, and never without bound. */
const REMEMBERED_ANSWERS = 100_000;

export class SimulatedProcessor implements CardProcessor {
  readonly name = "simulated";
  private readonly answers = new Map<string, AuthorizationResult | AuthenticationRequired>();

  async authorize(request: AuthorizationRequest): Promise<AuthorizationResult | AuthenticationRequired> {
    const known = this.answers.get(request.reference);
    if (known) return known;
    const processorReference = `sim_${randomBase62(20)}`;
    if (request.card && [ALWAYS_AUTHENTICATES, AUTHENTICATES_ONCE].includes(request.card.pan)) {
      return this.remember(request.reference, { authenticationRequired: true, processorReference });
    }
    const declineCode = this.declineCodeFor(request);
    return this.remember(request.reference, answerFor(processorReference, declineCode));
  }

  async completeAuthentication(request: { reference: string; processorReference: string; authenticated: boolean }): Promise<AuthorizationResult> {
    const known = this.answers.get(request.reference);
    if (known && !requiresAuthentication(known)) return known;
    return this.remember(request.reference, answerFor(request.processorReference, request.authenticated ? undefined : "authentication_failed"));
  }

  private remember<T extends AuthorizationResult | AuthenticationRequired>(reference: string, answer: T): T {
    this.answers.set(reference, answer);
    // A Map keeps insertion order: the first key is the oldest answer.
    if (this.answers.size > REMEMBERED_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  async capture(): Promise<OperationResult> {
    return { ok: true, processorReference: `sim_${randomBase62(20)}` };
  }

  async void(): Promise<OperationResult> {
    return { ok: true, processorReference: `sim_${randomBase62(20)}` };
  }

  async refund(): Promise<OperationResult> {
    return { ok: true, processorReference: `sim_${randomBase62(20)}` };
  }

  /** An authorization still waiting on its challenge has no answer yet. */
  async retrieve(reference: string): Promise<AuthorizationResult | null> {
    const known = this.answers.get(reference);
    return known && !requiresAuthentication(known) ? known : null;
  }

  private declineCodeFor(request: AuthorizationRequest): string | undefined {
    const matches = (number: string) =>
      request.card ? request.card.pan === number : cardFingerprint(number) === request.token.fingerprint;
    if (!request.card && matches(DECLINES_WHEN_SAVED)) return "51";
    if (!request.card && matches(ALWAYS_AUTHENTICATES)) return "authentication_required";
    const card = TEST_CARDS.find((test) => matches(test.number));
    return card && "declineCode" in card ? card.declineCode : undefined;
  }
}

function answerFor(processorReference: string, declineCode: string | undefined): AuthorizationResult {
  return declineCode
    ? { approved: false, processorReference, declineCode, message: declineMessage(declineCode) }
    : { approved: true, processorReference, authorizationCode: randomBase62(6).toUpperCase() };
}

const holder = globalThis as typeof globalThis & { __kassaProcessor?: CardProcessor };

export function getProcessor(): CardProcessor {
  holder.__kassaProcessor ??= new SimulatedProcessor();
  return holder.__kassaProcessor;
}

/** For tests that need an acquirer which fails or stalls. */
export function setProcessor(next: CardProcessor): void {
  holder.__kassaProcessor = next;
}
