import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { connectedSites, type ConnectedSite } from "@/db/schema";
import type { Db } from "@/db/client";
import { seal } from "@/lib/crypto/sealed";
import { randomBase62, sha256Hex } from "@/lib/crypto/tokens";
import { newId } from "@/lib/ids";
import { insertWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { assertDeliverableUrl } from "@/lib/webhooks/url-safety";
import type { ConnectRequest } from "./connect-request";
import { merchantOf, modeOf, type Owner } from "@/db/owner";
import { liveModeUnavailable } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { findAcquirer } from "./get-acquirer";

/** A token the shop must exchange within this time, once. */
export const CONNECT_TOKEN_MINUTES = 10;

export type ConnectCredentials = { api_key: string; webhook_secret: string; merchant_email: string };

/**
 * The merchant approved a shop: a key and a webhook endpoint labelled with its name (the endpoint
 * hears only of payments that key creates), and a one-time token for the shop to collect them with.
 * Returns where to send the browser: the shop's return_url with `token` added and the rest untouched.
 */
export async function connectSite(
  db: Db,
  owner: Owner,
  user: { id: string; email: string },
  request: ConnectRequest,
): Promise<{ site: ConnectedSite; returnTo: string }> {
  const merchantId = merchantOf(owner);
  const mode = modeOf(owner) ?? "test";
  await assertDeliverableUrl(request.webhook_url);
  // Test keys unless the merchant picked live, and live only with somewhere for the money to go.
  if (mode === "live" && !(await findAcquirer(db, merchantId))) throw liveModeUnavailable();
  const token = randomBase62(43);
  return db.transaction(async (tx) => {
    // Credentials nobody collected in time are of no use to anyone; do not keep them.
    await tx
      .update(connectedSites)
      .set({ pendingCredentials: null })
      .where(and(eq(connectedSites.merchantId, merchantId), isNull(connectedSites.exchangedAt), lt(connectedSites.exchangeExpiresAt, sql`now()`)));
    const { key, secretKey } = await createApiKey(tx, merchantId, { label: request.site_name, mode });
    const { endpoint, secret } = await insertWebhookEndpoint(tx, { merchantId, mode }, {
      url: request.webhook_url,
      description: request.site_name,
      apiKeyId: key.id,
    });
    const credentials: ConnectCredentials = { api_key: secretKey, webhook_secret: secret, merchant_email: user.email };
    const [site] = await tx
      .insert(connectedSites)
      .values({
        id: newId("site"),
        merchantId,
        siteName: request.site_name,
        platform: request.platform || null,
        apiKeyId: key.id,
        webhookEndpointId: endpoint.id,
        connectedBy: user.id,
        exchangeTokenHash: sha256Hex(token),
        exchangeExpiresAt: sql`now() + make_interval(mins => ${CONNECT_TOKEN_MINUTES})` as unknown as Date,
        pendingCredentials: seal(JSON.stringify(credentials), "connect-credentials"),
      })
      .returning();
    return { site: site!, returnTo: withQueryParam(request.return_url, "token", token) };
  });
}

/** Appends one parameter without re-encoding the ones already there, so the shop's `state` comes back byte for byte. */
export function withQueryParam(address: string, name: string, value: string): string {
  const url = new URL(address);
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  url.search = url.search.length > 1 ? `${url.search}&${pair}` : `?${pair}`;
  return url.toString();
}
