import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/accounts/sign-in";
import { authSecret, publicUrl } from "@/lib/config/env";
import { isAppError } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";

// next-auth v4 builds its callback URLs from NEXTAUTH_URL; Kassa's public URL is the right one.
process.env.NEXTAUTH_URL ??= publicUrl();

/** What the sign-in form shows when the limits of lib/accounts/sign-in-guard.ts refuse a try. */
export const SIGN_IN_THROTTLED = "throttled";

/** The dashboard signs in the same users as the accounts API, with the same password check. */
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 12 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = String(credentials?.email ?? "").trim().toLowerCase();
        const password = String(credentials?.password ?? "");
        if (!email || !password || email.length > 254 || password.length > 1024) return null;
        const address = clientAddress(new Headers(request?.headers as Record<string, string> | undefined));
        try {
          const user = await signIn(await getDb(), { email, password, address });
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          // next-auth hands a thrown message to the form as its error.
          if (isAppError(error) && error.code === "rate_limited") throw new Error(SIGN_IN_THROTTLED);
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
