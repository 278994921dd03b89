import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

type Schema = typeof schema;

/**
 * A database handle or an open transaction: every lib function takes one first, so the caller
 * decides what runs atomically.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseKind = "embedded" | "postgres";

export type DatabaseHandle = {
  db: Db;
  kind: DatabaseKind;
  close: () => Promise<void>;
};
