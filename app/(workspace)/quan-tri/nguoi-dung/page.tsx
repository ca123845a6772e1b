import Link from "next/link";

import { ResetPasswordButton } from "@/components/forms/reset-password-button";
import { ROLES } from "@/lib/auth/policy";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { USER_PARAMS, userFiltersFrom, userWhere } from "./user-filters";

/** At most this many rows; the filters narrow the rest. */
const LIMIT = 500;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea("workspace.admin");
  const { adminHome, adminOrg, labels } = getMessages("vi");
  const text = adminOrg.users;
  const filters = userFiltersFrom(await searchParams);
  const where = userWhere(filters);
  const db = getPrisma();
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: { email: "asc" },
      take: LIMIT,
      select: { id: true, name: true, email: true, roles: true, isActive: true, agency: { select: { name: true } }, appraiserUnit: { select: { name: true } } },
    }),
    db.user.count({ where }),
  ]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{adminHome.title}</h1>
      <p>
        <Link href="/quan-tri/nguoi-dung/moi" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {text.add}
        </Link>
      </p>
      <form method="get" role="search" aria-label={adminOrg.filters} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3">
        <label className="flex flex-col text-sm">
          {text.search}
          <input type="search" name={USER_PARAMS.search} defaultValue={filters.search} className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col text-sm">
          {text.role}
          <select name={USER_PARAMS.role} defaultValue={filters.role ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{adminOrg.all}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {labels.roles[role]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {text.status}
          <select name={USER_PARAMS.status} defaultValue={filters.status} className="rounded border border-slate-400 px-2 py-1">
            {(["all", "active", "disabled"] as const).map((status) => (
              <option key={status} value={status}>
                {text.statuses[status]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
          {adminOrg.apply}
        </button>
        <Link href="/quan-tri/nguoi-dung" className="px-2 py-1.5 text-brand-700 underline">
          {adminOrg.resetFilters}
        </Link>
      </form>
      <p role="status">{interpolate(adminOrg.shown, { shown: users.length, total })}</p>
      {users.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                {Object.values(adminHome.columns).map((label) => (
                  <th key={label} scope="col" className="px-3 py-2">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className="border-t border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/quan-tri/nguoi-dung/${user.id}`} className="text-brand-700 underline">
                      {user.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{user.email}</td>
                  <td className="px-3 py-2">{user.roles.map((role) => labels.roles[role]).join(", ")}</td>
                  <td className="px-3 py-2">{[user.agency?.name, user.appraiserUnit?.name].filter(Boolean).join(" · ") || "—"}</td>
                  <td className="px-3 py-2">{user.isActive ? adminHome.active : adminHome.disabled}</td>
                  <td className="px-3 py-2">
                    <ResetPasswordButton userId={user.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
