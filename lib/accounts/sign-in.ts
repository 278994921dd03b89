import type { User } from "@/db/schema";
import type { Db } from "@/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { authenticateUser } from "./authenticate-user";
import { clearSignInFailures, forgetOldSignInFailures, releaseSignInAttempt, reserveSignInAttempt, type SignInSource } from "./sign-in-guard";

/**
 * Email and password from one client address, for the API login and the dashboard alike: refused
 * with a 429 before any password is hashed when the address is over its limits. The attempt is
 * counted before its password is checked, so concurrent guesses cannot slip past the limit between
 * the check and the count.
 */
export async function signIn(db: Db, input: SignInSource & { password: string }): Promise<User> {
  const attempt = await reserveSignInAttempt(db, input);
  try {
    const user = await authenticateUser(db, input.email, input.password);
    await clearSignInFailures(db, input);
    return user;
  } catch (error) {
    // A wrong password stays counted; anything else judged nothing, and is not held against anyone.
    if (!isAppError(error) || error.code !== "invalid_credentials") await releaseSignInAttempt(db, attempt);
    else await forgetOldSignInFailures(db);
    throw error;
  }
}
