"use server";

import { redirect } from "next/navigation";

import { revalidatePublicPages } from "@/lib/public-cache/revalidate-public-pages";
import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { correctPublication } from "@/lib/services/correct-publication";
import { publishYear } from "@/lib/services/publish-year";
import type { ServiceResult } from "@/lib/services/service-result";

export type PublicationFormState = {
  message: string;
  fieldErrors: Record<string, string>;
  /** What was typed, to fill the form again after a refusal. */
  values: { number: string; issuedOn: string; note: string };
} | null;

function field(form: FormData, name: string): string {
  return String(form.get(name) ?? "");
}

function refusal(result: Exclude<ServiceResult<unknown>, { ok: true }>, form: FormData): PublicationFormState {
  return {
    message: result.message,
    fieldErrors: Object.fromEntries((result.issues ?? []).map((issue) => [issue.path, issue.message])),
    values: { number: field(form, "number"), issuedOn: field(form, "issuedOn"), note: field(form, "note") },
  };
}

/** A public endpoint like any server action: the service checks the caller may publish. */
export async function publishYearAction(_previous: PublicationFormState, form: FormData): Promise<PublicationFormState> {
  const result = await publishYear(getPrisma(), await getSessionUserId(), {
    yearId: field(form, "yearId"),
    number: field(form, "number"),
    issuedOn: field(form, "issuedOn"),
    note: field(form, "note"),
  });
  if (!result.ok) return refusal(result, form);
  revalidatePublicPages();
  redirect(`/quan-tri/cong-bo/${result.value.year}?done=published`);
}

export async function correctPublicationAction(_previous: PublicationFormState, form: FormData): Promise<PublicationFormState> {
  const result = await correctPublication(getPrisma(), await getSessionUserId(), {
    yearId: field(form, "yearId"),
    supersedesId: field(form, "supersedesId"),
    number: field(form, "number"),
    issuedOn: field(form, "issuedOn"),
    note: field(form, "note"),
  });
  if (!result.ok) return refusal(result, form);
  revalidatePublicPages();
  redirect(`/quan-tri/cong-bo/${result.value.year}?done=corrected`);
}
