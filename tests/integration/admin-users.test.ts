import { describe, expect, it } from "vitest";

import { userFiltersFrom, userWhere } from "@/app/(workspace)/quan-tri/nguoi-dung/user-filters";
import { loadActor } from "@/lib/auth/actor";
import { changeOwnPassword } from "@/lib/services/change-own-password";
import { createUser } from "@/lib/services/create-user";
import { resetUserPassword } from "@/lib/services/reset-user-password";
import type { ServiceResult } from "@/lib/services/service-result";
import { setUserActive } from "@/lib/services/set-user-active";
import { signInWithPassword } from "@/lib/services/sign-in-with-password";
import { updateUser } from "@/lib/services/update-user";
import { createTestDatabase } from "@/tests/support/test-database";

// Issue 7 item 2: user accounts, administered on the seeded province. The describes run in order
// on one database.
const { prisma } = await createTestDatabase("seeded");

const NOW = new Date("2026-11-30T10:00:00+07:00");
const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };
const UNAUTHENTICATED = { ok: false, code: "UNAUTHENTICATED", message: "Phiên đăng nhập đã hết hạn hoặc tài khoản đã bị khóa. Vui lòng đăng nhập lại." };

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
async function agencyId(slug: string) {
  return (await prisma.agency.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}
const adminId = await userId("quantri@songlam.demo");
const leadId = await userId("thamdinh.snv@songlam.demo");
const editorId = await userId("bientap.syt@songlam.demo");
const healthId = await agencyId("so-y-te");
const justiceUnitId = (await prisma.appraiserUnit.findUniqueOrThrow({ where: { name: "Sở Tư pháp" }, select: { id: true } })).id;

/** Every account as stored, and the number of audit events: what a refused write must leave untouched. */
async function accounts() {
  const [users, events] = await Promise.all([prisma.user.findMany({ orderBy: { id: "asc" } }), prisma.auditEvent.count()]);
  return { users, events };
}

/** The refusal's messages, its own and its fields'. */
function messagesOf(result: ServiceResult<unknown>): string[] {
  return result.ok ? [] : [result.message, ...(result.issues ?? []).map((issue) => issue.message)];
}

async function expectRefused(write: () => Promise<ServiceResult<unknown>>, message: string) {
  const before = await accounts();
  const result = await write();
  expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  expect(messagesOf(result)).toContain(message);
  expect(await accounts()).toEqual(before);
}

async function lastEvent(type: "USER_CREATED" | "USER_UPDATED", subjectId: string) {
  return prisma.auditEvent.findFirstOrThrow({ where: { type, subjectId }, orderBy: { id: "desc" }, select: { actorId: true, before: true, after: true } });
}

const newEditor = { name: "Ngô Thị Mới", email: "  Moi.SYT@SongLam.demo ", roles: ["AGENCY_EDITOR"], agencyId: healthId };

describe("who may manage users", () => {
  it("refuses appraisers, agency staff and the signed-out, and changes nothing", async () => {
    const before = await accounts();
    for (const actor of [leadId, editorId]) {
      expect(await createUser(prisma, actor, newEditor, NOW)).toEqual(FORBIDDEN);
      expect(await updateUser(prisma, actor, { ...newEditor, userId: editorId }, NOW)).toEqual(FORBIDDEN);
      expect(await updateUser(prisma, actor, {}, NOW)).toEqual(FORBIDDEN);
      expect(await setUserActive(prisma, actor, { userId: adminId, isActive: false })).toEqual(FORBIDDEN);
    }
    expect(await createUser(prisma, null, newEditor, NOW)).toEqual(UNAUTHENTICATED);
    expect(await setUserActive(prisma, undefined, { userId: editorId, isActive: false })).toEqual(UNAUTHENTICATED);
    expect(await accounts()).toEqual(before);
  });
});

describe("creating an account", () => {
  let temporaryPassword = "";
  let newId = "";

  it("creates it with a temporary password shown once, which signs in and must be changed", async () => {
    const result = await createUser(prisma, adminId, newEditor, NOW);
    if (!result.ok) throw new Error(result.message);
    ({ temporaryPassword, userId: newId } = result.value);
    expect(result.value.userName).toBe("Ngô Thị Mới");
    expect(temporaryPassword).toMatch(/^(?=.*\p{L})(?=.*\d).{10,}$/u);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: newId }, select: { email: true, roles: true, agencyId: true, appraiserUnitId: true, isAppraisalLead: true, isActive: true, mustChangePassword: true } })).toEqual({
      email: "moi.syt@songlam.demo",
      roles: ["AGENCY_EDITOR"],
      agencyId: healthId,
      appraiserUnitId: null,
      isAppraisalLead: false,
      isActive: true,
      mustChangePassword: true,
    });
    expect(await signInWithPassword(prisma, { email: "moi.syt@songlam.demo", password: temporaryPassword, ipAddress: "10.9.0.1" }, NOW)).toMatchObject({ ok: true });
    expect(await loadActor(prisma, newId)).toMatchObject({ mustChangePassword: true, agencyId: healthId });
  });

  it("audits the account without its password or hash", async () => {
    const event = await lastEvent("USER_CREATED", newId);
    expect(event).toEqual({
      actorId: adminId,
      before: null,
      after: {
        name: "Ngô Thị Mới",
        email: "moi.syt@songlam.demo",
        roles: ["AGENCY_EDITOR"],
        agencyId: healthId,
        appraiserUnitId: null,
        isAppraisalLead: false,
        isActive: true,
        mustChangePassword: true,
      },
    });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: newId }, select: { passwordHash: true } });
    const trail = JSON.stringify(await prisma.auditEvent.findMany({ where: { subjectId: newId }, select: { before: true, after: true } }));
    expect(trail).not.toContain(temporaryPassword);
    expect(trail).not.toContain(stored.passwordHash);
    expect(trail).not.toContain("argon2");
  });

  it("refuses an e-mail already used, whatever its case, and a malformed one", async () => {
    await expectRefused(() => createUser(prisma, adminId, { ...newEditor, email: "MOI.syt@songlam.demo" }, NOW), "Thư điện tử moi.syt@songlam.demo đã được dùng cho một tài khoản khác.");
    await expectRefused(() => createUser(prisma, adminId, { ...newEditor, email: "khong-phai-thu" }, NOW), "Thư điện tử không hợp lệ.");
  });

  it("refuses a role without its scope, and a scope without its role, each on its field", async () => {
    const refused = await createUser(prisma, adminId, { name: "Thiếu phạm vi", email: "thieu@songlam.demo", roles: ["AGENCY_HEAD", "APPRAISER"], isAppraisalLead: false }, NOW);
    expect(refused).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      issues: [
        { path: "agencyId", message: "Cán bộ nhập liệu và lãnh đạo đơn vị phải gắn với một đơn vị." },
        { path: "appraiserUnitId", message: "Thẩm định viên phải thuộc một đơn vị thẩm định." },
      ],
    });
    await expectRefused(
      () => createUser(prisma, adminId, { ...newEditor, email: "truongdoan@songlam.demo", isAppraisalLead: "on" }, NOW),
      "Chỉ thẩm định viên mới có thể là trưởng đoàn thẩm định.",
    );
    await expectRefused(
      () => createUser(prisma, adminId, { ...newEditor, email: "donvi@songlam.demo", appraiserUnitId: justiceUnitId }, NOW),
      "Chỉ thẩm định viên mới thuộc đơn vị thẩm định.",
    );
    await expectRefused(() => createUser(prisma, adminId, { ...newEditor, email: "khongvaitro@songlam.demo", roles: [] }, NOW), "Chọn ít nhất một vai trò.");
    await expectRefused(() => createUser(prisma, adminId, { ...newEditor, email: "la@songlam.demo", roles: ["SUPERUSER"] }, NOW), "Vai trò không hợp lệ.");
  });

  it("refuses an agency that has ended and an unknown appraiser unit", async () => {
    const planningId = await agencyId("so-ke-hoach-va-dau-tu");
    await expectRefused(
      () => createUser(prisma, adminId, { ...newEditor, email: "khdt@songlam.demo", agencyId: planningId }, NOW),
      "Đơn vị “Sở Kế hoạch và Đầu tư” đã ngừng hoạt động: không gắn tài khoản vào đơn vị này.",
    );
    await expectRefused(
      () => createUser(prisma, adminId, { name: "Thẩm định", email: "td@songlam.demo", roles: ["APPRAISER"], appraiserUnitId: "no-such-unit" }, NOW),
      "Không tìm thấy đơn vị thẩm định đã chọn.",
    );
  });

  it("creates an appraiser lead of a unit, with the agency they work at", async () => {
    const result = await createUser(
      prisma,
      adminId,
      { name: "Đặng Văn Thẩm", email: "thamdinh2.stp@songlam.demo", roles: ["APPRAISER"], appraiserUnitId: justiceUnitId, agencyId: await agencyId("so-tu-phap"), isAppraisalLead: true },
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    expect(await loadActor(prisma, result.value.userId)).toMatchObject({ roles: ["APPRAISER"], appraiserUnitId: justiceUnitId, isAppraisalLead: true });
  });
});

describe("editing an account", () => {
  it("changes roles and scope, auditing only what changed; unchanged writes nothing", async () => {
    const id = await userId("moi.syt@songlam.demo");
    const result = await updateUser(prisma, adminId, { ...newEditor, userId: id, name: "Ngô Thị Mới (lãnh đạo)", roles: ["AGENCY_HEAD", "AGENCY_EDITOR"] }, NOW);
    expect(result).toEqual({ ok: true, value: { userId: id } });
    expect(await lastEvent("USER_UPDATED", id)).toEqual({
      actorId: adminId,
      before: { name: "Ngô Thị Mới", roles: ["AGENCY_EDITOR"] },
      after: { name: "Ngô Thị Mới (lãnh đạo)", roles: ["AGENCY_EDITOR", "AGENCY_HEAD"] },
    });
    const events = await prisma.auditEvent.count();
    expect(await updateUser(prisma, adminId, { ...newEditor, userId: id, name: "Ngô Thị Mới (lãnh đạo)", roles: ["AGENCY_EDITOR", "AGENCY_HEAD"] }, NOW)).toMatchObject({ ok: true });
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  it("turns an agency editor into an appraiser of a unit, then refuses the lead flag once the role is gone", async () => {
    const id = await userId("moi.syt@songlam.demo");
    expect(await updateUser(prisma, adminId, { userId: id, name: "Ngô Thị Mới", email: "moi.syt@songlam.demo", roles: ["APPRAISER"], appraiserUnitId: justiceUnitId }, NOW)).toMatchObject({ ok: true });
    expect(await loadActor(prisma, id)).toMatchObject({ roles: ["APPRAISER"], appraiserUnitId: justiceUnitId, agencyId: null });
    await expectRefused(
      () => updateUser(prisma, adminId, { userId: id, name: "Ngô Thị Mới", email: "moi.syt@songlam.demo", roles: ["AGENCY_EDITOR"], agencyId: healthId, isAppraisalLead: true }, NOW),
      "Chỉ thẩm định viên mới có thể là trưởng đoàn thẩm định.",
    );
    await expectRefused(
      () => updateUser(prisma, adminId, { userId: id, name: "Ngô Thị Mới", email: "BIENTAP.syt@songlam.demo", roles: ["APPRAISER"], appraiserUnitId: justiceUnitId }, NOW),
      "Thư điện tử bientap.syt@songlam.demo đã được dùng cho một tài khoản khác.",
    );
    expect(await updateUser(prisma, adminId, { userId: "no-such-user", name: "X", email: "x@songlam.demo", roles: ["ADMIN"] }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses an administrator removing their own administrator role", async () => {
    await expectRefused(
      () => updateUser(prisma, adminId, { userId: adminId, name: "Nguyễn Thị Quản Trị", email: "quantri@songlam.demo", roles: ["APPRAISER"], appraiserUnitId: justiceUnitId }, NOW),
      "Bạn không thể tự bỏ vai trò quản trị của chính mình.",
    );
    // Their own name, though, they may fix.
    expect(await updateUser(prisma, adminId, { userId: adminId, name: "Nguyễn Thị Quản Trị Viên", email: "quantri@songlam.demo", roles: ["ADMIN"] }, NOW)).toMatchObject({ ok: true });
  });
});

describe("disabling and enabling an account", () => {
  it("refuses disabling one's own account", async () => {
    await expectRefused(() => setUserActive(prisma, adminId, { userId: adminId, isActive: false }), "Bạn không thể tự khóa tài khoản của chính mình.");
  });

  it("disables an account: refused at sign-in and on every action, its session included; enabling restores it", async () => {
    const email = "bientap.sxd@songlam.demo";
    const id = await userId(email);
    expect(await signInWithPassword(prisma, { email, password: "BienTapXD@2026", ipAddress: "10.9.1.1" }, NOW)).toMatchObject({ ok: true });

    expect(await setUserActive(prisma, adminId, { userId: id, isActive: false })).toEqual({ ok: true, value: { isActive: false } });
    expect(await lastEvent("USER_UPDATED", id)).toEqual({ actorId: adminId, before: { isActive: true }, after: { isActive: false } });
    const events = await prisma.auditEvent.count();
    expect(await setUserActive(prisma, adminId, { userId: id, isActive: false })).toEqual({ ok: true, value: { isActive: false } });
    expect(await prisma.auditEvent.count()).toBe(events);

    // The right password no longer signs in, with the same generic answer as a wrong one.
    expect(await signInWithPassword(prisma, { email, password: "BienTapXD@2026", ipAddress: "10.9.1.2" }, NOW)).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    const failed = await prisma.auditEvent.findFirstOrThrow({ where: { type: "USER_SIGN_IN_FAILED", subjectId: id }, orderBy: { id: "desc" }, select: { after: true } });
    expect(failed.after).toMatchObject({ reason: "DISABLED" });
    // A session opened before is refused on its next action: loadActor reads the account afresh.
    expect(await loadActor(prisma, id)).toBeNull();
    expect(await changeOwnPassword(prisma, id, { currentPassword: "BienTapXD@2026", newPassword: "MatKhauMoi2027", confirmPassword: "MatKhauMoi2027" })).toEqual(UNAUTHENTICATED);

    expect(await setUserActive(prisma, adminId, { userId: id, isActive: true })).toEqual({ ok: true, value: { isActive: true } });
    expect(await lastEvent("USER_UPDATED", id)).toMatchObject({ before: { isActive: false }, after: { isActive: true } });
    expect(await signInWithPassword(prisma, { email, password: "BienTapXD@2026", ipAddress: "10.9.1.3" }, NOW)).toMatchObject({ ok: true });
  });

  it("a disabled administrator can no longer manage users", async () => {
    const created = await createUser(prisma, adminId, { name: "Quản trị phụ", email: "quantri2@songlam.demo", roles: ["ADMIN"] }, NOW);
    if (!created.ok) throw new Error(created.message);
    const secondId = created.value.userId;
    expect(await setUserActive(prisma, adminId, { userId: secondId, isActive: false })).toMatchObject({ ok: true });
    expect(await resetUserPassword(prisma, secondId, { userId: editorId })).toEqual(UNAUTHENTICATED);
    expect(await createUser(prisma, secondId, { ...newEditor, email: "khac@songlam.demo" }, NOW)).toEqual(UNAUTHENTICATED);
    expect(await setUserActive(prisma, adminId, { userId: secondId, isActive: true })).toMatchObject({ ok: true });
  });

  it("keeps one active administrator when two disable each other at the same moment", async () => {
    const secondId = await userId("quantri2@songlam.demo");
    const activeAdministrators = () => prisma.user.count({ where: { roles: { has: "ADMIN" }, isActive: true } });
    expect(await activeAdministrators()).toBe(2);
    const outcomes = await Promise.all([
      setUserActive(prisma, adminId, { userId: secondId, isActive: false }),
      setUserActive(prisma, secondId, { userId: adminId, isActive: false }),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    // The other finds itself the last administrator, or (when the first committed before it
    // started) finds its own account disabled.
    const refused = outcomes.find((outcome) => !outcome.ok);
    expect([
      { ok: false, code: "VALIDATION_FAILED", message: "Không thể khóa hoặc bỏ vai trò quản trị của quản trị viên cuối cùng đang hoạt động." },
      UNAUTHENTICATED,
    ]).toContainEqual(refused);
    expect(await activeAdministrators()).toBe(1);
  });

  it("keeps one administrator when two remove each other's administrator role at the same moment", async () => {
    const survivor = (await prisma.user.findFirstOrThrow({ where: { roles: { has: "ADMIN" }, isActive: true }, select: { id: true } })).id;
    const created = await createUser(prisma, survivor, { name: "Quản trị ba", email: "quantri3@songlam.demo", roles: ["ADMIN"] }, NOW);
    if (!created.ok) throw new Error(created.message);
    const third = created.value.userId;
    const demote = (actor: string, target: string, email: string, name: string) =>
      updateUser(prisma, actor, { userId: target, name, email, roles: ["APPRAISER"], appraiserUnitId: justiceUnitId }, NOW);
    const survivorAccount = await prisma.user.findUniqueOrThrow({ where: { id: survivor }, select: { email: true, name: true } });
    const outcomes = await Promise.all([demote(survivor, third, "quantri3@songlam.demo", "Quản trị ba"), demote(third, survivor, survivorAccount.email, survivorAccount.name)]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(messagesOf(outcomes.find((outcome) => !outcome.ok)!)).toContain("Không thể khóa hoặc bỏ vai trò quản trị của quản trị viên cuối cùng đang hoạt động.");
    expect(await prisma.user.count({ where: { roles: { has: "ADMIN" }, isActive: true } })).toBe(1);
  });
});

describe("the user list's filters", () => {
  const list = async (params: Record<string, string>) =>
    (await prisma.user.findMany({ where: userWhere(userFiltersFrom(params)), select: { email: true }, orderBy: { email: "asc" } })).map((user) => user.email);

  it("searches names and e-mails, filters by role and status", async () => {
    expect(await list({ tim: "Lê Thị Pháp" })).toEqual(["thamdinh.stp@songlam.demo"]);
    expect(await list({ tim: "THAMDINH.SNV" })).toEqual(["thamdinh.snv@songlam.demo"]);
    const heads = await list({ "vai-tro": "AGENCY_HEAD" });
    expect(heads).toEqual(expect.arrayContaining(["lanhdao.sxd@songlam.demo", "lanhdao.syt@songlam.demo"]));
    expect(heads).not.toContain("bientap.syt@songlam.demo");
    const disabled = await prisma.user.findMany({ where: { isActive: false }, select: { email: true }, orderBy: { email: "asc" } });
    expect(await list({ "trang-thai": "disabled" })).toEqual(disabled.map((user) => user.email));
    expect(await list({ "vai-tro": "NOT_A_ROLE" })).toEqual(await list({}));
  });
});
