import { getTableColumns, type Table } from "drizzle-orm";

/**
 * A row that raw SQL returned (snake_case, as the driver sent it) in the shape drizzle's own
 * queries give (camelCase, dates as Date, bigints as numbers), for statements drizzle cannot build
 * itself, such as an INSERT inside a WITH.
 */
export function fromRow<T extends Table>(table: T, row: Record<string, unknown>): T["$inferSelect"] {
  const mapped: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = row[column.name];
    mapped[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return mapped as T["$inferSelect"];
}

/**
 * A row as stored, keyed by column name (as `to_jsonb(row)` gives it in SQL): the audit trail's
 * copy of an object, the same whichever way it was written.
 */
export function asStoredRow<T extends Table>(table: T, row: Partial<T["$inferSelect"]>, omit: string[] = []): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (omit.includes(key) || !(key in row)) continue;
    stored[column.name] = (row as Record<string, unknown>)[key];
  }
  return JSON.parse(JSON.stringify(stored)) as Record<string, unknown>;
}
