import { describe, expect, it } from "vitest";

import { safeCallbackPath } from "@/lib/auth/callback-url";
import { decodeLockedError, encodeLockedError } from "@/lib/auth/sign-in-errors";
import { generateTemporaryPassword, ZNewPassword } from "@/lib/auth/password";

describe("safeCallbackPath", () => {
  it("returns to a path of this site only", () => {
    expect(safeCallbackPath("/co-quan?tab=2")).toBe("/co-quan?tab=2");
    expect(safeCallbackPath(["/tham-dinh", "/quan-tri"])).toBe("/tham-dinh");
    for (const hostile of ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "", undefined, null]) {
      expect(safeCallbackPath(hostile)).toBe("/lam-viec");
    }
  });
});

describe("locked sign-in error", () => {
  it("carries the lock's end to the sign-in page and nothing else", () => {
    const lockedUntil = new Date("2026-11-25T08:20:00.000Z");
    expect(decodeLockedError(encodeLockedError(lockedUntil))).toEqual(lockedUntil);
    expect(decodeLockedError("INVALID_CREDENTIALS")).toBeNull();
    expect(decodeLockedError("LOCKED:not-a-date")).toBeNull();
  });
});

describe("passwords", () => {
  it("require 10 characters with letters and digits", () => {
    expect(ZNewPassword.safeParse("matkhau2027").success).toBe(true);
    expect(ZNewPassword.safeParse("ngắn1").success).toBe(false);
    expect(ZNewPassword.safeParse("chichuthoine").success).toBe(false);
    expect(ZNewPassword.safeParse("1234567890").success).toBe(false);
  });

  it("issue temporary passwords that meet the rule and differ each time", () => {
    const passwords = Array.from({ length: 50 }, generateTemporaryPassword);
    expect(passwords.every((password) => ZNewPassword.safeParse(password).success)).toBe(true);
    expect(new Set(passwords).size).toBe(50);
  });
});
