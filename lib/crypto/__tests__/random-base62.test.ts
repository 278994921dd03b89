import { describe, expect, it } from "vitest";
import { randomBase62 } from "../tokens";

describe("randomBase62", () => {
  it("gives text of the asked length from the 62 URL-safe characters", () => {
    for (const length of [1, 6, 16, 24, 300]) expect(randomBase62(length)).toMatch(new RegExp(`^[0-9A-Za-z]{${length}}$`));
  });

  it("never hands out the same bytes twice, across many refills of its pool", () => {
    // 5,000 ids of 24 characters draw ~130 KB: the 8 KB pool is refilled many times over.
    const ids = new Set(Array.from({ length: 5000 }, () => randomBase62(24)));
    expect(ids.size).toBe(5000);
  });

  it("uses every character about equally often", () => {
    const counts = new Map<string, number>();
    for (const char of randomBase62(62 * 2000)) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Expected 2,000 each; a 25% band lies more than 10 standard deviations out (σ ≈ 44).
    for (const count of counts.values()) expect(Math.abs(count - 2000)).toBeLessThan(500);
  });
});
