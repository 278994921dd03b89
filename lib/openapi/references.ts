import { gatewayReference } from "@/lib/dialects/gateway/reference";
import { mintReference } from "@/lib/dialects/mint/reference";
import { mintroReference } from "@/lib/dialects/mintro/reference";
import { mutopayReference } from "@/lib/dialects/mutopay/reference";
import { nativeReference } from "@/lib/dialects/native/reference";
import { shopReference } from "@/lib/dialects/shop/reference";
import type { ReferenceDefinition } from "./build-document";

/** One API reference per dialect, served at /api/openapi/{dialect}.json and shown at /docs. */
export const API_REFERENCES: readonly ReferenceDefinition[] = [nativeReference, mintReference, mintroReference, shopReference, mutopayReference, gatewayReference];
