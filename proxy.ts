import { NextResponse, type NextRequest } from "next/server";

/**
 * Two jobs before a page renders. For the dashboard, a quick sign-in redirect. For checkouts, the
 * headers a page cannot set itself: a Content-Security-Policy with a fresh script nonce (the page
 * reads it from the request and puts it on its script), which sites may frame the page, and
 * no caching, sniffing or referrer for a URL that carries a client secret.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.nextUrl.pathname.startsWith("/dashboard")) return dashboardGate(request);
  const { checkoutContentSecurityPolicy } = await import("@/lib/checkout/checkout-policy");
  const policy = await policyFor(request.nextUrl.pathname.split("/")[2] ?? "");
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const csp = checkoutContentSecurityPolicy(policy, nonce);

  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", csp);
  if (policy.frameAncestors.length === 0) response.headers.set("x-frame-options", "DENY");
  response.headers.set("x-content-type-options", "nosniff");
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

/** An unknown, malformed or redirect-mode intent: framed by nobody, its forms going nowhere but Kassa. */
async function policyFor(segment: string) {
  let intentId: string;
  try {
    intentId = decodeURIComponent(segment);
  } catch {
    return { frameAncestors: [], formTargets: [] };
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(intentId)) return { frameAncestors: [], formTargets: [] };
  const { getDb } = await import("@/db/client");
  const { checkoutPolicy } = await import("@/lib/checkout/checkout-policy");
  return checkoutPolicy(await getDb(), intentId);
}

export const config = { matcher: ["/pay/:path*", "/dashboard/:path*"] };
