"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { decodeLockedError } from "@/lib/auth/sign-in-errors";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { auth } = getMessages("vi");

function errorMessage(error: string): string {
  const lockedUntil = decodeLockedError(error);
  if (!lockedUntil) return auth.invalidCredentials;
  const time = lockedUntil.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });
  const date = lockedUntil.toLocaleDateString("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" });
  return interpolate(auth.lockedUntil, { time, date });
}

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSubmitting(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setIsSubmitting(false);
    if (!result || result.error) {
      setError(errorMessage(result?.error ?? ""));
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-describedby={error ? "sign-in-error" : undefined}>
      {error ? (
        <p id="sign-in-error" role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">
          {error}
        </p>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="email" className="block font-medium">
          {auth.email}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-medium">
          {auth.password}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <button type="submit" disabled={isSubmitting} aria-busy={isSubmitting} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {isSubmitting ? auth.submitting : auth.submit}
      </button>
    </form>
  );
}
