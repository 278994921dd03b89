import { sql } from "drizzle-orm";
import { connectedSites } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { unseal } from "@/lib/crypto/sealed";
import { sha256Hex } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors/app-error";
import type { ConnectCredentials } from "./connect-site";

/**
 * Hands a connected shop its credentials, once: one statement claims the token (unused, not
 * expired, site still connected) and erases the credentials it guarded, so two racing exchanges
 * can never both succeed.
 */
export async function exchangeConnectToken(db: Db, token: string): Promise<ConnectCredentials> {
  const [row] = await queryRows<{ pending_credentials: string }>(
    db,
    sql`
      with claimed as (
        select id, pending_credentials from ${connectedSites}
        where exchange_token_hash = ${sha256Hex(token)}
          and exchanged_at is null and disconnected_at is null and pending_credentials is not null
          and exchange_expires_at > now()
        for update
      )
      update ${connectedSites} site set exchanged_at = now(), pending_credentials = null
      from claimed where site.id = claimed.id
      returning claimed.pending_credentials`,
  );
  if (!row) {
    throw new AppError("connect_token_invalid", "This connect token is unknown, already used or expired. Start the connection again from your shop.", {
      param: "token",
    });
  }
  return JSON.parse(unseal(row.pending_credentials, "connect-credentials")) as ConnectCredentials;
}
