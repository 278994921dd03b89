import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createTestMerchant, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { AppError } from "@/lib/errors/app-error";
import { registerUser } from "../register-user";
import { roleAllows, PERMISSIONS } from "../roles";
import { acceptInvitation, changeMemberRole, findInvitation, inviteMember, listMembers, removeMember } from "../team";

const newUser = async () =>
  registerUser(await getDb(), { email: `member-${randomUUID()}@example.com`, password: TEST_PASSWORD, name: "Member" });

describe("team", () => {
  it("adds someone with an account at once, and invites someone without one by a link for that email only", async () => {
    const { merchant, user: owner } = await createTestMerchant();
    const db = await getDb();
    const existing = await newUser();
    expect(await inviteMember(db, "owner", merchant.id, owner.id, existing.email, "developer")).toEqual({ kind: "added" });
    await expect(inviteMember(db, "owner", merchant.id, owner.id, existing.email, "viewer")).rejects.toThrow(/already on the team/);

    const email = `new-${randomUUID()}@example.com`;
    const invited = await inviteMember(db, "owner", merchant.id, owner.id, email, "viewer");
    expect(invited.kind).toBe("invited");
    const token = invited.kind === "invited" ? invited.token : "";
    expect((await findInvitation(db, token))!.invitation.email).toBe(email);

    const stranger = await newUser();
    await expect(acceptInvitation(db, token, stranger.id)).rejects.toThrow(/for .* Sign in with that email/);
    const invitee = await registerUser(db, { email, password: TEST_PASSWORD, name: "Invitee" });
    expect(await acceptInvitation(db, token, invitee.id)).toBe(merchant.id);
    await expect(acceptInvitation(db, token, invitee.id)).rejects.toThrow(/no longer valid/);
    const roles = Object.fromEntries((await listMembers(db, merchant.id)).map((member) => [member.email, member.role]));
    expect(roles).toMatchObject({ [existing.email]: "developer", [email]: "viewer", [owner.email]: "owner" });
  });

  it("lets only owners make owners", async () => {
    const { merchant, user: owner } = await createTestMerchant();
    const db = await getDb();
    const admin = await newUser();
    await inviteMember(db, "owner", merchant.id, owner.id, admin.email, "admin");
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
    await inviteMember(db, "owner", merchant.id, first.id, second.email, "owner");
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
    expect(roleAllows("developer", "payments:write")).toBe(false);
    expect(roleAllows("developer", "api_keys:manage")).toBe(true);
    expect(roleAllows("admin", "team:manage")).toBe(true);
    expect(roleAllows("developer", "team:manage")).toBe(false);
    expect(PERMISSIONS["merchant:suspend"]).toEqual(["owner"]);
  });
});
