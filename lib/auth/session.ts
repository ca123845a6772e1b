import "server-only";

import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";

import { getPrisma } from "@/lib/db/prisma";

import { loadActor, type Actor } from "./actor";
import { authOptions } from "./auth-options";
import { can } from "./policy";

export const SIGN_IN_PATH = "/dang-nhap";
export const CHANGE_PASSWORD_PATH = "/doi-mat-khau";

/** The signed-in user as the database says now (null when signed out, disabled or deleted). */
export async function getSessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  return loadActor(getPrisma(), session?.user?.id);
}

/**
 * The signed-in user, or a redirect to sign in. A user holding a temporary password is sent to
 * change it first (except on that page).
 */
export async function requireActor(options: { isPasswordChangePage?: boolean } = {}): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(SIGN_IN_PATH);
  if (actor.mustChangePassword && !options.isPasswordChangePage) redirect(CHANGE_PASSWORD_PATH);
  return actor;
}

export type WorkspaceArea = "workspace.agency" | "workspace.appraisal" | "workspace.admin";

/** The signed-in user allowed into an area; anyone else gets the 403 page and no data. */
export async function requireArea(area: WorkspaceArea): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, area, { kind: "province" })) forbidden();
  return actor;
}

export const WORKSPACE_AREAS: { area: WorkspaceArea; path: "/co-quan" | "/tham-dinh" | "/quan-tri" }[] = [
  { area: "workspace.agency", path: "/co-quan" },
  { area: "workspace.appraisal", path: "/tham-dinh" },
  { area: "workspace.admin", path: "/quan-tri" },
];

/** The areas a user may open, in menu order. */
export function areasOf(actor: Actor) {
  return WORKSPACE_AREAS.filter(({ area }) => can(actor, area, { kind: "province" }));
}
