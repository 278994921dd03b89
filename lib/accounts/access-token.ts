import { jwtVerify, SignJWT } from "jose";
import { derivedKey } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
const ISSUER = "kassa";
const AUDIENCE = "kassa-api";

export async function issueAccessToken(userId: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(derivedKey("api-token"));
}

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user id the token was issued to; 401 for anything expired, forged or malformed. A token must
 * say when it expires and name a user id, even when its signature is good.
 */
export async function verifyAccessToken(token: string): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, derivedKey("api-token"), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      requiredClaims: ["exp", "sub"],
    });
    if (!payload.sub || !USER_ID.test(payload.sub)) throw new Error("subject is not a user id");
    return payload.sub;
  } catch {
    throw invalidToken();
  }
}

export const invalidToken = () => new AppError("unauthenticated", "Invalid or expired access token. Log in again to get a new one.");
