import { describe, expect, it } from "vitest";

import { verifyPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-throttle";
import { changeOwnPassword } from "@/lib/services/change-own-password";
import { resetUserPassword } from "@/lib/services/reset-user-password";
import { signInWithPassword } from "@/lib/services/sign-in-with-password";
import { createTestDatabase } from "@/tests/support/test-database";

const { prisma } = await createTestDatabase("seeded");
const minutes = (n: number) => n * 60_000;
const T0 = new Date("2026-11-25T08:00:00Z");
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);

describe("signInWithPassword", () => {
  it("signs in with the right password and records it", async () => {
    const outcome = await signInWithPassword(prisma, { email: "  QuanTri@SongLam.demo ", password: "QuanTri@2026", ipAddress: "10.0.0.1" }, T0);
    expect(outcome).toMatchObject({ ok: true, user: { email: "quantri@songlam.demo" } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { type: "USER_SIGNED_IN" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ ipAddress: "10.0.0.1", subjectType: "User" });
  });

  it("gives the same generic answer for a wrong password and an unknown e-mail, and audits both", async () => {
    const before = await prisma.auditEvent.count({ where: { type: "USER_SIGN_IN_FAILED" } });
    expect(await signInWithPassword(prisma, { email: "quantri@songlam.demo", password: "sai", ipAddress: "10.0.0.2" }, T0)).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    expect(await signInWithPassword(prisma, { email: "khongco@songlam.demo", password: "sai", ipAddress: "10.0.0.2" }, T0)).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    expect(await prisma.auditEvent.count({ where: { type: "USER_SIGN_IN_FAILED" } })).toBe(before + 2);
  });

  it("locks an account for 15 minutes after 5 failures, then lets it in again", async () => {
    const email = "bientap.syt@songlam.demo";
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await signInWithPassword(prisma, { email, password: "sai", ipAddress: `10.1.0.${attempt}` }, at(minutes(attempt)))).toMatchObject({
        code: "INVALID_CREDENTIALS",
      });
    }
    const fifth = await signInWithPassword(prisma, { email, password: "sai", ipAddress: "10.1.0.5" }, at(minutes(5)));
    expect(fifth).toEqual({ ok: false, code: "LOCKED", lockedUntil: at(minutes(20)) });
    // Even the right password is refused while locked, and from another address.
    expect(await signInWithPassword(prisma, { email, password: "BienTap@2026", ipAddress: "10.1.0.9" }, at(minutes(19)))).toMatchObject({
      code: "LOCKED",
    });
    expect(await signInWithPassword(prisma, { email, password: "BienTap@2026", ipAddress: "10.1.0.9" }, at(minutes(20) + 1))).toMatchObject({ ok: true });
  });

  it("counts failures only within 15 minutes", async () => {
    const email = "thamdinh.stp@songlam.demo";
    for (let attempt = 0; attempt < 4; attempt++) await signInWithPassword(prisma, { email, password: "sai", ipAddress: "10.2.0.1" }, at(minutes(attempt)));
    // The window has passed: the fifth failure starts a new count instead of locking.
    expect(await signInWithPassword(prisma, { email, password: "sai", ipAddress: "10.2.0.1" }, at(minutes(16)))).toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    expect(await signInWithPassword(prisma, { email, password: "TuPhap@2026", ipAddress: "10.2.0.1" }, at(minutes(17)))).toMatchObject({ ok: true });
  });

  it("locks an address after 20 failures across accounts", async () => {
    const ipAddress = "10.3.0.1";
    let last;
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.failuresPerAddress; attempt++) {
      last = await signInWithPassword(prisma, { email: `nguoi${attempt}@songlam.demo`, password: "sai", ipAddress }, at(minutes(30)));
    }
    expect(last).toMatchObject({ code: "LOCKED", lockedUntil: at(minutes(45)) });
    expect(await signInWithPassword(prisma, { email: "quantri@songlam.demo", password: "QuanTri@2026", ipAddress }, at(minutes(31)))).toMatchObject({
      code: "LOCKED",
    });
    expect(await signInWithPassword(prisma, { email: "quantri@songlam.demo", password: "QuanTri@2026", ipAddress: "10.3.0.2" }, at(minutes(31)))).toMatchObject({
      ok: true,
    });
  });

  it("refuses a disabled account with the generic answer", async () => {
    await prisma.user.update({ where: { email: "lanhdao.syt@songlam.demo" }, data: { isActive: false } });
    expect(await signInWithPassword(prisma, { email: "lanhdao.syt@songlam.demo", password: "LanhDao@2026", ipAddress: "10.4.0.1" }, at(minutes(60)))).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    await prisma.user.update({ where: { email: "lanhdao.syt@songlam.demo" }, data: { isActive: true } });
  });
});

describe("password reset and change", () => {
  it("an administrator issues a temporary password that must be changed, and only an administrator may", async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "quantri@songlam.demo" } });
    const head = await prisma.user.findUniqueOrThrow({ where: { email: "lanhdao.syt@songlam.demo" } });

    expect(await resetUserPassword(prisma, head.id, { userId: admin.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const reset = await resetUserPassword(prisma, admin.id, { userId: head.id });
    if (!reset.ok) throw new Error(reset.message);
    const afterReset = await prisma.user.findUniqueOrThrow({ where: { id: head.id } });
    expect(afterReset.mustChangePassword).toBe(true);
    expect(await verifyPassword(afterReset.passwordHash, reset.value.temporaryPassword)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { type: "PASSWORD_RESET", subjectId: head.id } })).toBe(1);

    expect(await changeOwnPassword(prisma, head.id, { currentPassword: "sai", newPassword: "LanhDaoMoi2027", confirmPassword: "LanhDaoMoi2027" })).toMatchObject({
      ok: false,
      code: "WRONG_PASSWORD",
    });
    const weak = await changeOwnPassword(prisma, head.id, { currentPassword: reset.value.temporaryPassword, newPassword: "ngan", confirmPassword: "ngan" });
    expect(weak).toMatchObject({ ok: false, code: "VALIDATION_FAILED", issues: [{ path: "newPassword", message: "Mật khẩu mới cần ít nhất 10 ký tự, có cả chữ và số." }] });

    const changed = await changeOwnPassword(prisma, head.id, {
      currentPassword: reset.value.temporaryPassword,
      newPassword: "LanhDaoMoi2027",
      confirmPassword: "LanhDaoMoi2027",
    });
    expect(changed).toEqual({ ok: true, value: null });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: head.id } })).mustChangePassword).toBe(false);
    expect(await signInWithPassword(prisma, { email: head.email, password: "LanhDaoMoi2027", ipAddress: "10.5.0.1" })).toMatchObject({ ok: true });
  });
});
