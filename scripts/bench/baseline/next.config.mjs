/**
 * The floor Kassa is measured against: a bare Next.js app on the same Next, React, drizzle,
 * postgres.js and PGlite as Kassa (it resolves them from the repository's node_modules), with one
 * route that inserts a row and one that answers a constant. Nothing else.
 */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
};

export default nextConfig;
