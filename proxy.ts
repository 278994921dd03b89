import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before the dashboard's pages and before any server action, for two things:
 * - A server action called from another site is refused with a 403 here. Next would refuse it too,
 *   but as a 500 (the origin check throws).
 * - A quick sign-in redirect for the dashboard: without a session cookie, straight to sign-in,
 *   remembering where the user was going. The session itself is verified by the dashboard's layout
 *   and by every action. (The checkout sets its own headers: see app/pay/[id]/route.ts.)
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.headers.has("next-action") && !sameOrigin(request)) {
    return NextResponse.json({ error: { code: "forbidden", message: "Server actions can only be called from this site's own pages." } }, { status: 403 });
  }
  if (!request.nextUrl.pathname.startsWith("/dashboard")) return NextResponse.next();
  const hasSession = request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

/** Next's own rule: the Origin, when there is one, must name the host the request was sent to. */
function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const config = {
  matcher: ["/dashboard/:path*", { source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
