import { authenticateApiKey, type MerchantPrincipal } from "@/lib/accounts/authenticate-api-key";
import { invalidToken, verifyAccessToken } from "@/lib/accounts/access-token";
import { userExists } from "@/lib/accounts/user-exists";
import type { Db } from "@/db/client";
import type { Merchant, Mode } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/events/record-event";
import { bearerToken, type ApiDialect } from "./dialect";

/** `secret_key_any_status` also admits a suspended merchant, for the one route that reports whether it can take payments. */
export type AuthKind = "secret_key" | "secret_key_any_status" | "access_token" | "public";

/** Who is calling: a merchant by its secret key, a user by their access token, or anyone. */
export type Principal =
  | ({ kind: "merchant"; owner: { merchantId: string; mode: Mode }; account: Merchant & { mode: Mode } } & MerchantPrincipal)
  | { kind: "user"; userId: string }
  | { kind: "public" };

export type PrincipalFor<A extends AuthKind> = A extends "secret_key" | "secret_key_any_status"
  ? Extract<Principal, { kind: "merchant" }>
  : A extends "access_token"
    ? Extract<Principal, { kind: "user" }>
    : Extract<Principal, { kind: "public" }>;

export async function authenticate<A extends AuthKind>(db: Db, auth: A, request: Request, dialect: ApiDialect): Promise<PrincipalFor<A>> {
  return (await resolve(db, auth, request, dialect)) as PrincipalFor<A>;
}

async function resolve(db: Db, auth: AuthKind, request: Request, dialect: ApiDialect): Promise<Principal> {
  if (auth === "secret_key" || auth === "secret_key_any_status") {
    const credentials = dialect.credentials(request);
    if (!credentials) throw new AppError("unauthenticated", "No API key provided.");
    const principal = await authenticateApiKey(db, credentials, { allowSuspended: auth === "secret_key_any_status" });
    // The key's mode scopes everything it does: what it reads, and what it makes.
    const mode = principal.apiKey.mode;
    return { kind: "merchant", ...principal, owner: { merchantId: principal.merchant.id, mode }, account: { ...principal.merchant, mode } };
  }
  if (auth === "access_token") {
    const token = bearerToken(request);
    if (!token) throw new AppError("unauthenticated", "No access token provided. Send Authorization: Bearer <access_token>.");
    const userId = await verifyAccessToken(token);
    // A token outlives its user when the account is deleted; it then proves nothing.
    if (!(await userExists(db, userId))) throw invalidToken();
    return { kind: "user", userId };
  }
  return { kind: "public" };
}

/** Idempotency keys are per account, like Stripe's: one merchant's key never replays another's. */
export function idempotencyScope(principal: Principal, pathname: string): string {
  switch (principal.kind) {
    case "merchant":
      // Per mode too: a test request never replays a live one's answer.
      return `merchant:${principal.merchant.id}${principal.owner.mode === "live" ? ":live" : ""}`;
    case "user":
      return `user:${principal.userId}`;
    case "public":
      return `public:${pathname}`;
  }
}

export function actorOf(principal: MerchantPrincipal): Actor {
  return { type: "api_key", id: principal.apiKey.id };
}
