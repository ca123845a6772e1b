import { ResetPasswordButton } from "@/components/forms/reset-password-button";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { getMessages } from "@/lib/i18n/messages";

export default async function AdminHomePage() {
  await requireArea("workspace.admin");
  const { adminHome, labels } = getMessages("vi");
  const users = await getPrisma().user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, name: true, email: true, roles: true, isActive: true, agency: { select: { name: true } }, appraiserUnit: { select: { name: true } } },
  });
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-bold text-brand-800">{adminHome.title}</h1>
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
                <th scope="row" className="px-3 py-2 font-medium">{user.name}</th>
                <td className="px-3 py-2">{user.email}</td>
                <td className="px-3 py-2">{user.roles.map((role) => labels.roles[role]).join(", ")}</td>
                <td className="px-3 py-2">{user.agency?.name ?? user.appraiserUnit?.name ?? "—"}</td>
                <td className="px-3 py-2">{user.isActive ? adminHome.active : adminHome.disabled}</td>
                <td className="px-3 py-2">
                  <ResetPasswordButton userId={user.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
