import { and, asc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { invitations, memberships, merchants, users, type Invitation, type MemberRole } from "@/db/schema";
import type { Db } from "@/db/client";
import { randomBase62, sha256Hex } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors/app-error";

export type Member = { userId: string; email: string; name: string; role: MemberRole; joinedAt: Date };

export async function listMembers(db: Db, merchantId: string): Promise<Member[]> {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.merchantId, merchantId))
    .orderBy(asc(memberships.createdAt));
}

/** Invitations not yet accepted, withdrawn or expired. */
const pending = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`));

export async function listPendingInvitations(db: Db, merchantId: string): Promise<Invitation[]> {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.merchantId, merchantId), pending()))
    .orderBy(asc(invitations.createdAt));
}

/**
 * Invites someone by a link (its token shown this once) that the inviter shares. It works for seven
 * days and only for that email. Someone with an account joins only by accepting it too: Kassa does
 * not verify emails, so adding an account at once would hand a role to whoever registered the
 * address first. Only owners may make owners.
 */
export async function inviteMember(
  db: Db,
  actorRole: MemberRole,
  merchantId: string,
  invitedBy: string,
  email: string,
  role: MemberRole,
): Promise<{ token: string }> {
  if (role === "owner" && actorRole !== "owner") throw new AppError("forbidden", "Only an owner can make someone an owner.");
  const address = email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.merchantId, merchantId), eq(users.email, address)));
    if (member) throw new AppError("parameter_invalid", `${address} is already on the team.`, { param: "email" });
    // An expired invitation gives way to a new one.
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.merchantId, merchantId),
          eq(invitations.email, address),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          lte(invitations.expiresAt, sql`now()`),
        ),
      );
    const token = randomBase62(32);
    const [invited] = await tx
      .insert(invitations)
      .values({ merchantId, email: address, role, invitedBy, tokenHash: sha256Hex(token), expiresAt: sql`now() + interval '7 days'` })
      .onConflictDoNothing()
      .returning();
    if (!invited) throw new AppError("parameter_invalid", `${address} has already been invited. Withdraw that invitation to send a new one.`, { param: "email" });
    return { token };
  });
}

/** The pending invitation a link's token names, with the merchant's name for the acceptance page. */
export async function findInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, merchantName: merchants.name, merchantDisplayName: merchants.displayName })
    .from(invitations)
    .innerJoin(merchants, eq(merchants.id, invitations.merchantId))
    .where(and(eq(invitations.tokenHash, sha256Hex(token)), pending()));
  return row ?? null;
}

/** Joins the signed-in user to the team, if the invitation was for their email. */
export async function acceptInvitation(db: Db, token: string, userId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, sha256Hex(token)), pending()))
      .for("update");
    if (!invitation) throw new AppError("not_found", "This invitation is no longer valid: it was used, withdrawn or has expired. Ask for a new one.");
    if (!user || user.email !== invitation.email) {
      throw new AppError("forbidden", `This invitation is for ${invitation.email}. Sign in with that email to accept it.`);
    }
    await tx.insert(memberships).values({ userId, merchantId: invitation.merchantId, role: invitation.role }).onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: sql`now()` }).where(eq(invitations.id, invitation.id));
    return invitation.merchantId;
  });
}

export async function revokeInvitation(db: Db, merchantId: string, invitationId: string): Promise<void> {
  await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.id, invitationId), eq(invitations.merchantId, merchantId), isNull(invitations.acceptedAt)));
}

/**
 * Changes a member's role. Team changes of one merchant are serialised on its row, so two owners
 * demoting each other at once cannot leave it without an owner.
 */
export async function changeMemberRole(db: Db, actorRole: MemberRole, merchantId: string, userId: string, role: MemberRole): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockedMember(tx, merchantId, userId);
    if ((role === "owner" || current.role === "owner") && actorRole !== "owner") {
      throw new AppError("forbidden", "Only an owner can give or take the owner role.");
    }
    if (current.role === "owner" && role !== "owner") await assertAnotherOwner(tx, merchantId);
    await tx.update(memberships).set({ role }).where(and(eq(memberships.merchantId, merchantId), eq(memberships.userId, userId)));
  });
}

/** Removes a member, or lets one leave; the last owner can do neither. */
export async function removeMember(db: Db, actorRole: MemberRole, merchantId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockedMember(tx, merchantId, userId);
    if (current.role === "owner" && actorRole !== "owner") throw new AppError("forbidden", "Only an owner can remove an owner.");
    if (current.role === "owner") await assertAnotherOwner(tx, merchantId);
    await tx.delete(memberships).where(and(eq(memberships.merchantId, merchantId), eq(memberships.userId, userId)));
  });
}

async function lockedMember(tx: Db, merchantId: string, userId: string) {
  await tx.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId)).for("update");
  const [member] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.merchantId, merchantId), eq(memberships.userId, userId)));
  if (!member) throw new AppError("not_found", "That person is not on this team.");
  return member;
}

async function assertAnotherOwner(tx: Db, merchantId: string): Promise<void> {
  const [{ owners } = { owners: 0 }] = await tx
    .select({ owners: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.merchantId, merchantId), eq(memberships.role, "owner")));
  if (owners <= 1) {
    throw new AppError("forbidden", "A merchant must keep at least one owner. Make someone else an owner first.");
  }
}
