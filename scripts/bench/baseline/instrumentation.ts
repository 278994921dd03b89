/** Opens the database at boot, as Kassa does, so no measured request pays for it. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./lib/db");
  await getDb();
}
