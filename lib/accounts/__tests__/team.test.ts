import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { invitations, type MemberRole } from "@/db/schema";
import { createTestMerchant, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { AppError } from "@/lib/errors/app-error";
import { registerUser } from "../register-user";
import { roleAllows, PERMISSIONS } from "../roles";
import { acceptInvitation, changeMemberRole, findInvitation, inviteMember, listMembers, listPendingInvitations, removeMember } from "../team";

const newUser = async () =>
  registerUser(await getDb(), { email: `member-${randomUUID()}@example.com`, password: TEST_PASSWORD, name: "Member" });

/** Invites an account and accepts for it, as the invitee would by opening the link. */
async function join(db: Db, merchantId: string, ownerId: string, user: { id: string; email: string }, role: MemberRole) {
  const { token } = await inviteMember(db, "owner", merchantId, ownerId, user.email, role);
  await acceptInvitation(db, token, user.id);
}

describe("team", () => {
  it("invites by a link for that email only, accepted once, also by someone who has an account", async () => {
    const { merchant, user: owner } = await createTestMerchant();
    const db = await getDb();
    const existing = await newUser();
    const { token: existingToken } = await inviteMember(db, "owner", merchant.id, owner.id, existing.email, "developer");
    expect((await listMembers(db, merchant.id)).map((member) => member.email)).not.toContain(existing.email);
    await expect(inviteMember(db, "owner", merchant.id, owner.id, existing.email, "viewer")).rejects.toThrow(/already been invited/);
    expect(await acceptInvitation(db, existingToken, existing.id)).toBe(merchant.id);
    await expect(inviteMember(db, "owner", merchant.id, owner.id, existing.email, "viewer")).rejects.toThrow(/already on the team/);

    const email = `new-${randomUUID()}@example.com`;
    const { token } = await inviteMember(db, "owner", merchant.id, owner.id, email, "viewer");
    expect((await findInvitation(db, token))!.invitation.email).toBe(email);

    const stranger = await newUser();
    await expect(acceptInvitation(db, token, stranger.id)).rejects.toThrow(/for .* Sign in with that email/);
    const invitee = await registerUser(db, { email, password: TEST_PASSWORD, name: "Invitee" });
    expect(await acceptInvitation(db, token, invitee.id)).toBe(merchant.id);
    await expect(acceptInvitation(db, token, invitee.id)).rejects.toThrow(/no longer valid/);
    const roles = Object.fromEntries((await listMembers(db, merchant.id)).map((member) => [member.email, member.role]));
    expect(roles).toMatchObject({ [existing.email]: "developer", [email]: "viewer", [owner.email]: "owner" });
  });

  it("lets an invitation expire after seven days, and a new one replace it", async () => {
    const { merchant, user: owner } = await createTestMerchant();
    const db = await getDb();
    const invitee = await newUser();
    const { token } = await inviteMember(db, "owner", merchant.id, owner.id, invitee.email, "viewer");
    const [row] = await db.select().from(invitations).where(eq(invitations.email, invitee.email));
    const days = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);

    await db.update(invitations).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(invitations.id, row!.id));
    expect(await findInvitation(db, token)).toBeNull();
    expect(await listPendingInvitations(db, merchant.id)).toEqual([]);
    await expect(acceptInvitation(db, token, invitee.id)).rejects.toThrow(/expired/);

    const { token: fresh } = await inviteMember(db, "owner", merchant.id, owner.id, invitee.email, "admin");
    expect(await acceptInvitation(db, fresh, invitee.id)).toBe(merchant.id);
    expect((await listMembers(db, merchant.id)).find((member) => member.userId === invitee.id)?.role).toBe("admin");
  });

  it("lets only owners make owners", async () => {
    const { merchant, user: owner } = await createTestMerchant();
    const db = await getDb();
    const admin = await newUser();
    await join(db, merchant.id, owner.id, admin, "admin");
    await expect(inviteMember(db, "admin", merchant.id, admin.id, `x-${randomUUID()}@example.com`, "owner")).rejects.toThrow(/Only an owner/);
    await expect(changeMemberRole(db, "admin", merchant.id, owner.id, "viewer")).rejects.toThrow(/Only an owner/);
    await expect(removeMember(db, "admin", merchant.id, owner.id)).rejects.toThrow(/Only an owner/);
  });

  it("never leaves a merchant without an owner, even when two owners demote each other at once", async () => {
    const { merchant, user: first } = await createTestMerchant();
    const db = await getDb();
    await expect(changeMemberRole(db, "owner", merchant.id, first.id, "admin")).rejects.toThrow(/at least one owner/);
    await expect(removeMember(db, "owner", merchant.id, first.id)).rejects.toThrow(/at least one owner/);

    const second = await newUser();
    await join(db, merchant.id, first.id, second, "owner");
    const outcomes = await Promise.allSettled([
      changeMemberRole(db, "owner", merchant.id, first.id, "admin"),
      changeMemberRole(db, "owner", merchant.id, second.id, "admin"),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    const owners = (await listMembers(db, merchant.id)).filter((member) => member.role === "owner");
    expect(owners).toHaveLength(1);
  });

  it("gives each role what it needs and no more", () => {
    expect(roleAllows("viewer", "payments:write")).toBe(false);
    // Whoever may create an API key may refund with it, so the dashboard lets them refund too.
    expect(roleAllows("developer", "payments:write")).toBe(true);
    expect(roleAllows("developer", "merchant:update")).toBe(false);
    expect(roleAllows("developer", "api_keys:manage")).toBe(true);
    expect(roleAllows("admin", "team:manage")).toBe(true);
    expect(roleAllows("developer", "team:manage")).toBe(false);
    expect(PERMISSIONS["merchant:suspend"]).toEqual(["owner"]);
  });
});
