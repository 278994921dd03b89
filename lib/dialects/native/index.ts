import type { DialectDefinition } from "../definition";
import { newId } from "@/lib/ids";
import { nativeDialect } from "./dialect";
import { nativeWebhook } from "./webhook";
import { nativeReference } from "./reference";
import { nativeSnippet } from "./snippet";

export const native: DialectDefinition = {
  name: "native",
  api: nativeDialect,
  pathPrefixes: ["/api"],
  newIntentId: () => newId("pi"),
  webhook: { render: nativeWebhook },
  isDefault: true,
  reference: nativeReference,
  snippet: nativeSnippet,
};
