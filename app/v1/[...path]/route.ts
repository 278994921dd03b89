/** The same catch-all as under /api: dialect routes served from lib, or the owning dialect's JSON 404. */
export { GET, POST, PUT, PATCH, DELETE, OPTIONS } from "@/app/api/[...path]/route";
