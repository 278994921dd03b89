import type { Db } from "@/db/client";
import { issueAccessToken } from "./access-token";
import { authenticateUser } from "./authenticate-user";

/** Email and password in, a one-hour API access token out. */
export async function logIn(db: Db, email: string, password: string): Promise<string> {
  const user = await authenticateUser(db, email, password);
  return issueAccessToken(user.id);
}
