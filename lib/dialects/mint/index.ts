import type { DialectDefinition } from "../definition";
import { newId } from "@/lib/ids";
import { mintDialect } from "./dialect";
import { mintWebhook } from "./webhook";
import { mintReference } from "./reference";
import { mintSnippet } from "./snippet";

export const mint: DialectDefinition = {
  name: "mint",
  api: mintDialect,
  pathPrefixes: ["/v1"],
  newIntentId: () => newId("pay"),
  webhook: { render: mintWebhook },
  reference: mintReference,
  snippet: mintSnippet,
};
