import type { MemberRole } from "@/db/schema";

/** What each role may do; enforced on the server for every action, API or dashboard. */
export const PERMISSIONS = {
  "merchant:read": ["owner", "admin", "developer", "viewer"],
  "merchant:update": ["owner", "admin"],
  "merchant:suspend": ["owner"],
  "team:manage": ["owner", "admin"],
  "api_keys:manage": ["owner", "admin", "developer"],
  // Where live money goes: the owner alone, like suspending.
  "acquirer:manage": ["owner"],
  // Where stablecoin payments land: the owner alone, like the acquirer.
  "wallet:manage": ["owner"],
  "webhooks:manage": ["owner", "admin", "developer"],
  // Connecting a shop makes it a key and a webhook endpoint, so it takes both of the above.
  "sites:connect": ["owner", "admin", "developer"],
  // A developer holds API keys, and a key can refund; the dashboard does not pretend otherwise.
  "payments:write": ["owner", "admin", "developer"],
  "payment_links:manage": ["owner", "admin", "developer"],
} as const satisfies Record<string, readonly MemberRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: MemberRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly MemberRole[]).includes(role);
}
