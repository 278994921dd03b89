import type { User } from "@/db/schema";
import type { Db } from "@/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { authenticateUser } from "./authenticate-user";
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure, type SignInSource } from "./sign-in-guard";

/**
 * Email and password from one client address, for the API login and the dashboard alike: refused
 * with a 429 before any password is hashed when the address is over its limits, and every wrong
 * password counted.
 */
export async function signIn(db: Db, input: SignInSource & { password: string }): Promise<User> {
  await assertSignInAllowed(db, input);
  try {
    const user = await authenticateUser(db, input.email, input.password);
    await clearSignInFailures(db, input);
    return user;
  } catch (error) {
    if (isAppError(error) && error.code === "invalid_credentials") await recordSignInFailure(db, input);
    throw error;
  }
}
