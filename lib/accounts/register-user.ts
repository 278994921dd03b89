import { users, type User } from "@/db/schema";
import type { Db } from "@/db/client";
import { hashPassword } from "@/lib/crypto/password";
import { AppError } from "@/lib/errors/app-error";
import { passwordProblem } from "./password-policy";

export type RegisterUserInput = { email: string; password: string; name: string };

export async function registerUser(db: Db, input: RegisterUserInput): Promise<User> {
  const email = input.email.trim().toLowerCase();
  const problem = passwordProblem(input.password, email);
  if (problem) throw new AppError("weak_password", problem, { param: "password" });

  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(users)
    .values({ email, name: input.name.trim(), passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!user) throw new AppError("email_taken", "An account with this email already exists.", { param: "email" });
  return user;
}
