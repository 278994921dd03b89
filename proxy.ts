import { NextResponse, type NextRequest } from "next/server";

/**
 * Headers a page cannot set itself: which sites may frame a checkout (none for redirect-mode intents,
 * the merchant's allowed origins for embedded ones), and no caching or referrer for a URL that
 * carries a client secret.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const ancestors = await allowedAncestors(request.nextUrl.pathname.split("/")[2] ?? "");

  const response = NextResponse.next();
  response.headers.set("content-security-policy", `frame-ancestors ${ancestors.length > 0 ? ancestors.join(" ") : "'none'"}`);
  if (ancestors.length === 0) response.headers.set("x-frame-options", "DENY");
  response.headers.set("referrer-policy", "no-referrer");
  response.headers.set("cache-control", "no-store");
  return response;
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

export const config = { matcher: ["/pay/:id"] };
