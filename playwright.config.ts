// End-to-end tests: the real app (production build, embedded PostgreSQL, demo province) driven by
// a real Chromium. `npm run test:e2e`; part of `npm test`.
import { existsSync } from "node:fs";

import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";

// Overridable so that two runs on one machine (two worktrees, say) do not clash.
const PORT = portFromEnv("E2E_PORT", 3210);
const PGPORT = portFromEnv("E2E_PGPORT", 54390);
const BASE_URL = `http://localhost:${PORT}`;
// The specs' own database access (tests/e2e/support/database.ts): the app's embedded PostgreSQL.
process.env.E2E_DATABASE_URL = `postgres://par:par@127.0.0.1:${PGPORT}/par_index`;

// Playwright cannot download its browsers on isolated networks; the distribution's Chromium
// (`apt-get install chromium`, what .ci/run does) works. Elsewhere, Playwright's own build is used.
const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const executablePath = process.env.CHROMIUM_PATH || (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

const YEAR_CYCLE = /year-cycle\.spec\.ts$/;

const CHROMIUM = {
browserName: "chromium",
launchOptions: {
  executablePath,
  args: [
    // Needed as root (CI); harmless otherwise.
    "--no-sandbox",
    // Without these Chromium keeps calling Google services, which floods a closed network
    // with refused connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
},
      } satisfies PlaywrightTestConfig["use"];

export default defineConfig({
  testDir: "tests/e2e",
  // One app server on a small machine: specs run one at a time, each in its own browser context.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // No retries: a retry would meet the accounts the first attempt locked, and a flaky spec should show.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: BASE_URL,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: YEAR_CYCLE, use: CHROMIUM },
    // Publishes the demo's open year and opens the next: after every other spec, which expect 2026 open.
    { name: "year-cycle", testMatch: YEAR_CYCLE, dependencies: ["chromium"], use: CHROMIUM },
  ],
  webServer: {
    // `npm run demo` on a throw-away data directory, removed when the server stops (see the file).
    command: "node --import tsx tests/e2e/support/serve-app.ts",
    url: BASE_URL,
    env: {
      PORT: String(PORT),
      PGPORT_EMBEDDED: String(PGPORT),
      NEXTAUTH_URL: BASE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    // The first start runs `next build` (2–3 minutes on two cores), then initdb and the demo seed.
    timeout: 6 * 60_000,
    // Never reuse a server: the specs lock accounts for 15 minutes, so each run needs a fresh database.
    reuseExistingServer: false,
    // Without this Playwright SIGKILLs the process group and PostgreSQL and the data are left
    // behind. SIGTERM lets scripts/run-app.ts stop Next.js, then PostgreSQL, and serve-app.ts
    // remove the data directory.
    gracefulShutdown: { signal: "SIGTERM", timeout: 60_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});

function portFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (1–65535), not "${value}"`);
  return port;
}
