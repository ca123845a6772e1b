import "server-only";

import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";

import { getPrisma } from "@/lib/db/prisma";

import { loadActor, type Actor } from "./actor";
import { can } from "./policy";

export const SIGN_IN_PATH = "/dang-nhap";
export const CHANGE_PASSWORD_PATH = "/doi-mat-khau";

/** next-auth's session cookie name: "__Secure-" prefixed when the app is served over https. */
const SESSION_COOKIE = `${process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;

/**
 * The user id of the request's session cookie: null when there is none, it does not decrypt, it
 * has expired, or the session was revoked. Only who is asking: every caller hands it to a service
 * or to loadActor, which read the account from the database and refuse a disabled one.
 *
 * Why not getServerSession: on the server it decrypts the cookie, runs the callbacks (re-reading
 * the account once the claims are 2 minutes old, a query the caller repeats anyway), then
 * encrypts a refreshed cookie that it cannot send from a page, action or route and throws away:
 * a sizeable share of every autosave. This reads the cookie as next-auth does (same name, chunks
 * joined in order, same secret, expiry checked by decode) and trusts the same claims.
 */
export async function getSessionUserId(): Promise<string | null> {
  const chunks = (await cookies())
    .getAll()
    .filter(({ name }) => name === SESSION_COOKIE || name.startsWith(`${SESSION_COOKIE}.`))
    .sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
  if (chunks.length === 0) return null;
  try {
    const token = await decode({ token: chunks.map(({ value }) => value).join(""), secret: process.env.NEXTAUTH_SECRET ?? "" });
    return token && !token.isRevoked && token.sub ? token.sub : null;
  } catch {
    return null; // tampered, signed with another secret, or expired
  }
}

/** next-auth splits a cookie over 4 KB into `name.0`, `name.1`, …; an unsplit one sorts first. */
function chunkIndex(name: string): number {
  return name === SESSION_COOKIE ? -1 : Number(name.slice(SESSION_COOKIE.length + 1));
}

/** The signed-in user as the database says now (null when signed out, disabled or deleted). */
export async function getSessionActor(): Promise<Actor | null> {
  return loadActor(getPrisma(), await getSessionUserId());
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
