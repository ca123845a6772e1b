import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { getPrisma } from "@/lib/db/prisma";
import { signInWithPassword } from "@/lib/services/sign-in-with-password";

import { loadActor } from "./actor";
import { SIGN_IN_ERROR, encodeLockedError } from "./sign-in-errors";

/** Claims are re-read from the database at most this often, so a disabled account loses its session quickly. */
const CLAIMS_MAX_AGE_MS = 2 * 60_000;
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // a working day

export const authOptions: NextAuthOptions = {
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const outcome = await signInWithPassword(getPrisma(), {
          email: credentials?.email ?? "",
          password: credentials?.password ?? "",
          ipAddress: clientAddress(request.headers ?? {}),
        });
        if (outcome.ok) return outcome.user;
        // next-auth passes the thrown message to the sign-in page, which turns it into Vietnamese.
        throw new Error(outcome.code === "LOCKED" ? encodeLockedError(outcome.lockedUntil) : SIGN_IN_ERROR.invalidCredentials);
      },
    }),
  ],
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/dang-nhap", error: "/dang-nhap" },
  callbacks: {
    async jwt({ token, user }) {
      const isStale = typeof token.claimsReadAt !== "number" || Date.now() - token.claimsReadAt > CLAIMS_MAX_AGE_MS;
      if (!user && !isStale) return token;
      const actor = await loadActor(getPrisma(), user?.id ?? token.sub);
      if (!actor) return { ...token, isRevoked: true, claimsReadAt: Date.now() };
      return {
        ...token,
        sub: actor.id,
        name: actor.name,
        email: actor.email,
        roles: [...actor.roles],
        agencyId: actor.agencyId,
        appraiserUnitId: actor.appraiserUnitId,
        isAppraisalLead: actor.isAppraisalLead,
        mustChangePassword: actor.mustChangePassword,
        isRevoked: false,
        claimsReadAt: Date.now(),
      };
    },
    async session({ session, token }) {
      if (token.isRevoked || !token.sub) return { ...session, user: undefined };
      return {
        ...session,
        user: {
          id: token.sub,
          name: token.name ?? "",
          email: token.email ?? "",
          roles: token.roles ?? [],
          agencyId: token.agencyId ?? null,
          appraiserUnitId: token.appraiserUnitId ?? null,
          isAppraisalLead: token.isAppraisalLead ?? false,
          mustChangePassword: token.mustChangePassword ?? false,
        },
      };
    },
  },
  secret: process.env.NEXTAUTH_SECRET,
};

/**
 * The client's address for throttling: the first X-Forwarded-For hop when behind the reverse
 * proxy a deployment puts in front (it sets the header), else X-Real-IP. A client can forge these
 * without a proxy; the per-account limit holds regardless.
 */
function clientAddress(headers: Record<string, unknown>): string {
  const forwarded = headers["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const realIp = headers["x-real-ip"];
  return first || (typeof realIp === "string" ? realIp : "") || "local";
}
