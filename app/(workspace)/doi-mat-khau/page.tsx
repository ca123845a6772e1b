import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { requireActor } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/messages";

export default async function ChangePasswordPage() {
  const actor = await requireActor({ isPasswordChangePage: true });
  const { auth } = getMessages("vi");
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold text-brand-800">{auth.changePasswordTitle}</h1>
      {actor.mustChangePassword ? <p className="rounded bg-amber-50 p-3 text-amber-900">{auth.mustChangePassword}</p> : null}
      <ChangePasswordForm />
    </section>
  );
}
