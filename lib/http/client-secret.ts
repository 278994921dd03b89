/** The intent's client secret from `X-Client-Secret`, or from `?client_secret=` when a header cannot be set. */
export function clientSecretOf(request: Request, query: { client_secret?: string }): string | null {
  return request.headers.get("x-client-secret")?.trim() || query.client_secret || null;
}
