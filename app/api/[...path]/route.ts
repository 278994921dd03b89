import { unknownRoute } from "@/lib/http/route-methods";

/** No route here: a JSON 404 in the envelope of the dialect that owns the prefix, never an HTML page. */
export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
export const OPTIONS = unknownRoute;
