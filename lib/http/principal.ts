import { authenticateApiKey, type MerchantPrincipal } from "@/lib/accounts/authenticate-api-key";
import { verifyAccessToken } from "@/lib/accounts/access-token";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/events/record-event";
import { bearerToken, type ApiDialect } from "./dialect";

export type AuthKind = "secret_key" | "access_token" | "public";

export type PrincipalFor<A extends AuthKind> = A extends "secret_key"
  ? MerchantPrincipal
  : A extends "access_token"
    ? { userId: string }
    : Record<string, never>;

export async function authenticate<A extends AuthKind>(
  db: Db,
  auth: A,
  request: Request,
  dialect: ApiDialect,
): Promise<PrincipalFor<A>> {
  if (auth === "secret_key") {
    const credentials = dialect.credentials(request);
    if (!credentials) {
      throw new AppError("unauthenticated", "No API key provided.");
    }
    return (await authenticateApiKey(db, credentials)) as PrincipalFor<A>;
  }
  if (auth === "access_token") {
    const token = bearerToken(request);
    if (!token) throw new AppError("unauthenticated", "No access token provided. Send Authorization: Bearer <access_token>.");
    return { userId: await verifyAccessToken(token) } as PrincipalFor<A>;
  }
  return {} as PrincipalFor<A>;
}

/** Idempotency keys are per account, like Stripe's: one merchant's key never replays another's. */
export function idempotencyScope(principal: object, pathname: string): string {
  if ("merchant" in principal) return `merchant:${(principal as MerchantPrincipal).merchant.id}`;
  if ("userId" in principal) return `user:${(principal as { userId: string }).userId}`;
  return `public:${pathname}`;
}

export function actorOf(principal: MerchantPrincipal): Actor {
  return { type: "api_key", id: principal.apiKey.id };
}
