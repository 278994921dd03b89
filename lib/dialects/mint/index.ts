import type { DialectDefinition } from "../definition";
import { newId } from "@/lib/ids";
import { mintDialect } from "./dialect";
import { mintWebhook } from "./webhook";

export const mint: DialectDefinition = {
  name: "mint",
  api: mintDialect,
  pathPrefixes: ["/v1"],
  newIntentId: () => newId("pay"),
  webhook: { render: mintWebhook },
};
