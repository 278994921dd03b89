import { NextResponse, type NextRequest } from "next/server";

/**
 * A quick sign-in redirect for the dashboard: without a session cookie, straight to sign-in,
 * remembering where the user was going. The session itself is verified by the dashboard's layout
 * and by every action. (The checkout sets its own headers: see app/pay/[id]/route.ts.)
 */
export function proxy(request: NextRequest): NextResponse {
  const hasSession = request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/dashboard/:path*"] };
