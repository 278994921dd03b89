import type { DialectDefinition } from "../definition";
import { newId } from "@/lib/ids";
import { shopDialect } from "./dialect";
import { shopWebhook } from "./webhook";
import { shopReference } from "./reference";
import { shopSnippet } from "./snippet";

export const shop: DialectDefinition = {
  name: "shop",
  api: shopDialect,
  pathPrefixes: ["/api/v1/payments"],
  newIntentId: () => newId("pay"),
  webhook: { render: shopWebhook },
  reference: shopReference,
  snippet: shopSnippet,
};
