"use client";

import { signOut } from "next-auth/react";

import { getMessages } from "@/lib/i18n/messages";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/" })} className="rounded border border-white/40 px-3 py-1 text-sm hover:bg-white/10">
      {getMessages("vi").auth.signOut}
    </button>
  );
}
