import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authenticateUser } from "@/lib/accounts/authenticate-user";
import { authSecret, publicUrl } from "@/lib/config/env";
import { isAppError } from "@/lib/errors/app-error";
import { consumeRateLimit } from "@/lib/rate-limits/consume-rate-limit";

// next-auth v4 builds its callback URLs from NEXTAUTH_URL; Kassa's public URL is the right one.
process.env.NEXTAUTH_URL ??= publicUrl();

/** Ten tries per email per five minutes: enough for typos, too few to guess a password. */
const SIGN_IN_LIMIT = { limit: 10, windowSeconds: 300 };

/** The dashboard signs in the same users as the accounts API, with the same password check. */
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 12 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const email = String(credentials?.email ?? "").trim().toLowerCase();
        const password = String(credentials?.password ?? "");
        if (!email || !password || email.length > 254 || password.length > 1024) return null;
        const db = await getDb();
        if (!(await consumeRateLimit(db, `signin:${email}`, SIGN_IN_LIMIT)).allowed) return null;
        try {
          const user = await authenticateUser(db, email, password);
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          if (isAppError(error)) return null;
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
