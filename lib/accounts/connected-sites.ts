import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { connectedSites, webhookEndpoints, type ConnectedSite } from "@/db/schema";
import type { Db } from "@/db/client";
import { forgetMerchantPrincipals } from "./principal-cache";
import { notFound } from "@/lib/errors/app-error";
import { deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { revokeApiKey } from "./revoke-api-key";

export type ConnectedSiteRow = ConnectedSite & { webhookUrl: string };

/** The merchant's shops that are connected now, newest first, with where their webhooks go. */
export async function listConnectedSites(db: Db, merchantId: string): Promise<ConnectedSiteRow[]> {
  const rows = await db
    .select({ site: connectedSites, webhookUrl: webhookEndpoints.url })
    .from(connectedSites)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, connectedSites.webhookEndpointId))
    .where(and(eq(connectedSites.merchantId, merchantId), isNull(connectedSites.disconnectedAt)))
    .orderBy(desc(connectedSites.createdAt));
  return rows.map(({ site, webhookUrl }) => ({ ...site, webhookUrl }));
}

/** Cuts a shop off: its key is revoked (401 from now on), its endpoint deleted, and uncollected credentials erased. */
export async function disconnectSite(db: Db, merchantId: string, siteId: string): Promise<ConnectedSite> {
  const site = await db.transaction(async (tx) => {
    const [site] = await tx
      .update(connectedSites)
      .set({ disconnectedAt: sql`now()`, pendingCredentials: null })
      .where(and(eq(connectedSites.id, siteId), eq(connectedSites.merchantId, merchantId), isNull(connectedSites.disconnectedAt)))
      .returning();
    if (!site) throw notFound("connected site", siteId, "site_id");
    await revokeApiKey(tx, merchantId, site.apiKeyId);
    await deleteWebhookEndpoint(tx, merchantId, site.webhookEndpointId);
    return site;
  });
  // revokeApiKey forgot the key inside the transaction; a read on this instance before the commit
  // could have cached it as still valid, so forget it again now that the revocation is visible.
  forgetMerchantPrincipals(merchantId);
  return site;
}
