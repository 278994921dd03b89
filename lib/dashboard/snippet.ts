export type SnippetContext = { baseUrl: string; merchantId: string; clientId: string | null; checkoutId: string };
export type Snippet = { dialect: string; title: string; language: string; code: string };

/** Where a snippet puts the merchant's secret key: an environment variable, never the key itself. */
export const SNIPPET_SECRET = "$KASSA_SECRET_KEY";
