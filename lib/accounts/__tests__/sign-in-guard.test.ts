import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { createTestMerchant, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { signIn } from "../sign-in";
import { SIGN_IN_LIMITS } from "../sign-in-guard";

const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

describe("the per-account limit on wrong passwords", () => {
  it("holds for guesses sent all at once: only as many passwords are checked as the limit allows", async () => {
    const db = await getDb();
    const { user } = await createTestMerchant();
    const from = address();
    // The ten checked hash two at a time; on a busy machine the last would wait past the 2 s after
    // which a hash is shed with a 429 of its own (password.ts), which is not what this test is about.
    process.env.KASSA_PASSWORD_HASH_WAIT_MS = "600000";
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => signIn(db, { email: user.email, password: "wrong password!", address: from }))).finally(() => {
      delete process.env.KASSA_PASSWORD_HASH_WAIT_MS;
    });
    const codes = outcomes.map((outcome) => (outcome.status === "rejected" ? (outcome.reason as { code: string }).code : "signed_in"));
    expect(codes.filter((code) => code === "invalid_credentials")).toHaveLength(SIGN_IN_LIMITS.perAccountAndAddress);
    expect(codes.filter((code) => code === "rate_limited")).toHaveLength(20 - SIGN_IN_LIMITS.perAccountAndAddress);
    expect(await db.select().from(signInFailures).where(eq(signInFailures.address, from))).toHaveLength(SIGN_IN_LIMITS.perAccountAndAddress);
  });

  it("does not count the right password, and forgives the address its earlier typo", async () => {
    const db = await getDb();
    const { user } = await createTestMerchant();
    const from = address();
    await expect(signIn(db, { email: user.email, password: "wrong password!", address: from })).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(await signIn(db, { email: user.email, password: TEST_PASSWORD, address: from })).toMatchObject({ id: user.id });
    expect(await db.select().from(signInFailures).where(eq(signInFailures.address, from))).toHaveLength(0);
  });
});
