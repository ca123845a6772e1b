import type { DefaultSession } from "next-auth";

// The claims PAR Index keeps in its JWT and session (lib/auth/auth-options.ts).
declare module "next-auth" {
  interface Session {
    user?: {
      id: string;
      name: string;
      email: string;
      roles: string[];
      agencyId: string | null;
      appraiserUnitId: string | null;
      isAppraisalLead: boolean;
      mustChangePassword: boolean;
    } & Omit<NonNullable<DefaultSession["user"]>, "name" | "email">;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    roles?: string[];
    agencyId?: string | null;
    appraiserUnitId?: string | null;
    isAppraisalLead?: boolean;
    mustChangePassword?: boolean;
    isRevoked?: boolean;
    claimsReadAt?: number;
  }
}
