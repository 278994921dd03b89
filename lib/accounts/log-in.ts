import type { Db } from "@/db/client";
import { issueAccessToken } from "./access-token";
import { signIn } from "./sign-in";

/** Email and password in, a one-hour API access token out. */
export async function logIn(db: Db, input: { email: string; password: string; address: string }): Promise<string> {
  const user = await signIn(db, input);
  return issueAccessToken(user.id);
}
