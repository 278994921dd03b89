/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite must stay outside the bundle: bundled, it breaks when a server component opens it
  // first, and its wasm would be copied into the publicly served .next/static.
  // pino and prom-client too: scripts/start.mjs loads the same copies, so the app and the server
  // share one metrics registry.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "prom-client"],
  poweredByHeader: false,
  // The dev server blocks scripts in a page framed from another origin unless it is listed.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Nothing but the checkout may be framed (its proxy decides per intent): the dashboard and
  // sign-in pages refuse, so they cannot be clickjacked.
  async headers() {
    return [
      {
        source: "/((?!pay/).*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
      // The checkout's script and stylesheet are named by their content hash: cache them for good.
      { source: "/checkout/:file", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
      // The embed script keeps its name, so a new version must reach merchants' pages soon.
      { source: "/kassa.js", headers: [{ key: "Cache-Control", value: "public, max-age=300" }] },
    ];
  },
};

export default nextConfig;
