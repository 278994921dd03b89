import { registeredDialects } from "@/lib/dialects/registry";
import type { Snippet, SnippetContext } from "./snippet";

export type { Snippet, SnippetContext } from "./snippet";

/** Checking a webhook is the same for every dialect: Standard Webhooks headers come with each. */
const VERIFY_WEBHOOK: Snippet = {
  dialect: "webhooks",
  title: "Verify a webhook (any dialect)",
  language: "ts",
  code: `import { Webhook } from "standardwebhooks";

const event = new Webhook(process.env.KASSA_WEBHOOK_SECRET!).verify(rawBody, {
  "webhook-id": request.headers["webhook-id"],
  "webhook-timestamp": request.headers["webhook-timestamp"],
  "webhook-signature": request.headers["webhook-signature"],
});`,
};

/** Copy-paste requests for each dialect that has one, filled in with this merchant's real ids. */
export function dialectSnippets(context: SnippetContext): Snippet[] {
  const own = registeredDialects().flatMap((definition) => (definition.snippet ? [{ dialect: definition.name, ...definition.snippet(context) }] : []));
  return [...own, VERIFY_WEBHOOK];
}
