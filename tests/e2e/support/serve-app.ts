// The end-to-end tests' web server: `npm run demo` on a throw-away data directory (a fresh embedded
// PostgreSQL with the demo province) and a session secret made for this run. The directory is
// removed once the app — Next.js and PostgreSQL — has stopped.
//
// Run by playwright.config.ts as `node --import tsx tests/e2e/support/serve-app.ts`. Playwright
// stops its web server by signalling the whole process group (gracefulShutdown), so npm, tsx,
// Next.js and PostgreSQL receive the signal too; this process only makes sure npm gets it when it
// was sent here alone, and waits for the app to exit before it deletes the data.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// A fresh database per run: the specs lock accounts for 15 minutes and count failed sign-ins per
// address, so the data of a previous run must never be reused.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "par-e2e-"));

const app = spawn("npm", ["run", "demo"], {
  stdio: "inherit",
  env: { ...process.env, PAR_DATA_DIR: dataDir, NEXTAUTH_SECRET: randomBytes(32).toString("hex") },
});

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (app.exitCode === null && app.signalCode === null) app.kill(signal);
  });
}

app.on("error", (error) => {
  console.error(`Could not run npm run demo: ${error.message}`);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
});
app.on("exit", (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
});
