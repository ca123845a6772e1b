import type { Metadata } from "next";
import Link from "next/link";

import { requireArea } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/messages";

import { ADMIN_SECTIONS } from "./admin-sections";

const messages = getMessages("vi");

export const metadata: Metadata = { title: messages.adminHome.hubTitle };

/**
 * The administration hub: one link per section. The page checks the role too: the layout's check
 * runs alongside it, and a page that awaits nothing was streamed into the 403 response.
 */
export default async function AdminHubPage() {
  await requireArea("workspace.admin");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{messages.adminHome.hubTitle}</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.path}>
            <Link href={section.path} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500 focus-visible:outline-2">
              <span className="block font-semibold text-brand-700 underline">{section.title(messages)}</span>
              <span className="mt-1 block text-sm text-slate-700">{section.description(messages)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
