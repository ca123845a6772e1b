import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/forms/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getSessionActor } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/messages";

const { auth } = getMessages("vi");

export const metadata: Metadata = { title: auth.signInTitle };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionActor()) redirect(callbackPath);
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold text-brand-800">{auth.signInTitle}</h1>
      <p className="text-slate-700">{auth.signInIntro}</p>
      <SignInForm callbackPath={callbackPath} />
    </div>
  );
}
