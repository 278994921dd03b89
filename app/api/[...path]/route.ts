import { serveDialectRoute } from "@/lib/http/dialect-routes";

/** Routes dialects serve from their own folders; any other path, a JSON 404 in the envelope of the dialect that owns it. */
export const GET = serveDialectRoute;
export const POST = serveDialectRoute;
export const PUT = serveDialectRoute;
export const PATCH = serveDialectRoute;
export const DELETE = serveDialectRoute;
export const OPTIONS = serveDialectRoute;
