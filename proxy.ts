import { NextResponse, type NextRequest } from "next/server";

/**
 * Two jobs before a page renders. For the dashboard, a quick sign-in redirect. For checkouts, headers
 * a page cannot set itself: which sites may frame a checkout (none for redirect-mode intents,
 * the merchant's allowed origins for embedded ones), and no caching or referrer for a URL that
 * carries a client secret.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.nextUrl.pathname.startsWith("/dashboard")) return dashboardGate(request);
  const ancestors = await allowedAncestors(request.nextUrl.pathname.split("/")[2] ?? "");

  const response = NextResponse.next();
  response.headers.set("content-security-policy", `frame-ancestors ${ancestors.length > 0 ? ancestors.join(" ") : "'none'"}`);
  if (ancestors.length === 0) response.headers.set("x-frame-options", "DENY");
  response.headers.set("referrer-policy", "no-referrer");
  response.headers.set("cache-control", "no-store");
  return response;
}

/**
 * Without a session cookie, straight to sign-in, remembering where the user was going. The session
 * itself is verified by the dashboard's layout and by every action.
 */
function dashboardGate(request: NextRequest): NextResponse {
  const hasSession = request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

/** Nobody may frame a page whose intent is unknown, malformed or redirect-mode. */
async function allowedAncestors(segment: string): Promise<string[]> {
  let intentId: string;
  try {
    intentId = decodeURIComponent(segment);
  } catch {
    return [];
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(intentId)) return [];
  const { getDb } = await import("@/db/client");
  const { frameAncestors } = await import("@/lib/checkout/framing");
  return frameAncestors(await getDb(), intentId);
}

export const config = { matcher: ["/pay/:id", "/dashboard/:path*"] };
