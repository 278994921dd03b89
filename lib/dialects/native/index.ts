import type { DialectDefinition } from "../definition";
import { newId } from "@/lib/ids";
import { nativeDialect } from "./dialect";
import { nativeWebhook } from "./webhook";

export const native: DialectDefinition = {
  name: "native",
  api: nativeDialect,
  pathPrefixes: ["/api"],
  newIntentId: () => newId("pi"),
  webhook: { render: nativeWebhook },
};
