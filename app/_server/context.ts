import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb, type Db } from "@/db/client";
import type { MemberRole, Merchant, Mode } from "@/db/schema";
import { listMerchantsForUser } from "@/lib/accounts/list-merchants";
import { roleAllows, type Permission } from "@/lib/accounts/roles";
import { AppError } from "@/lib/errors/app-error";
import { authOptions } from "./auth";

export const MERCHANT_COOKIE = "kassa_merchant";
/** Which money the dashboard shows: test (the default) or live. */
export const MODE_COOKIE = "kassa_mode";

export type SessionUser = { id: string; email: string; name: string };
export type DashboardContext = {
  db: Db;
  user: SessionUser;
  merchant: Merchant;
  role: MemberRole;
  merchants: { merchant: Merchant; role: MemberRole }[];
  /** Test or live: every list, total, chart, export and event the dashboard shows is one mode's. */
  mode: Mode;
  /** The merchant in this mode, as the lib's reads take it. */
  owner: { merchantId: string; mode: Mode };
};

export const modeOrTest = (value: unknown): Mode => (value === "live" ? "live" : "test");

/** The signed-in user, or a redirect to sign in (and back to `callbackUrl` afterwards, when given). */
export async function requireUser(callbackUrl?: string): Promise<SessionUser> {
  const session = await getServerSession(authOptions);
  const user = session?.user as Partial<SessionUser> | undefined;
  if (!user?.id) redirect(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  return { id: user.id, email: user.email ?? "", name: user.name ?? "" };
}

/**
 * The merchant the user is working on: the one chosen in the switcher (a cookie, checked against
 * their memberships on every request), else their first. No merchant yet: the welcome page.
 */
export async function dashboardContext(): Promise<DashboardContext> {
  const user = await requireUser();
  const db = await getDb();
  const merchants = await listMerchantsForUser(db, user.id);
  if (merchants.length === 0) redirect("/dashboard/welcome");
  const chosen = (await cookies()).get(MERCHANT_COOKIE)?.value;
  const current = merchants.find(({ merchant }) => merchant.id === chosen) ?? merchants[0]!;
  const mode = modeOrTest((await cookies()).get(MODE_COOKIE)?.value);
  return { db, user, merchant: current.merchant, role: current.role, merchants, mode, owner: { merchantId: current.merchant.id, mode } };
}

/**
 * For a server action: the merchant and mode named by the form's merchant_id and mode (those its
 * page was drawn for), checked against the user's memberships now. Never the switcher's cookies,
 * which another tab may have changed since the form was shown.
 */
export async function actionContext(form: FormData): Promise<DashboardContext> {
  const user = await requireUser();
  const db = await getDb();
  const merchants = await listMerchantsForUser(db, user.id);
  const merchantId = String(form.get("merchant_id") ?? "");
  const current = merchants.find(({ merchant }) => merchant.id === merchantId);
  if (!current) throw new AppError("forbidden", "You are not a member of this merchant any more. Reload the page.");
  const mode = modeOrTest(form.get("mode"));
  return { db, user, merchant: current.merchant, role: current.role, merchants, mode, owner: { merchantId: current.merchant.id, mode } };
}

/** The action's context, refusing when the role does not allow it or the merchant is suspended. */
export async function authorize(permission: Permission, form: FormData): Promise<DashboardContext> {
  const context = await actionContext(form);
  if (!roleAllows(context.role, permission)) {
    throw new AppError("forbidden", `Your role (${context.role}) does not allow this action.`);
  }
  if (context.merchant.status !== "active") {
    throw new AppError("merchant_suspended", "This merchant is suspended; nothing can be changed until an owner reactivates it.");
  }
  return context;
}

export function can(context: DashboardContext, permission: Permission): boolean {
  return roleAllows(context.role, permission);
}
