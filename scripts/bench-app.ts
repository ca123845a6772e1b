// The benchmarks' app: `npm run demo` started in its own process group, waited for, and stopped as
// a whole (npm, tsx, Next.js and PostgreSQL), like Playwright stops tests/e2e/support/serve-app.ts.
import type { ChildProcess } from "node:child_process";

export async function waitForApp(app: ChildProcess, baseUrl: string, timeoutMs: number): Promise<void> {
  const startedAt = Date.now();
  while (Date.now() - startedAt < timeoutMs) {
    if (app.exitCode !== null || app.signalCode !== null) throw new Error(`npm run demo exited (${app.exitCode ?? app.signalCode}) before serving`);
    try {
      const response = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) {
        console.log(`App ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer within ${timeoutMs / 1000} s`);
}

export async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null || app.pid === undefined) return;
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  process.kill(-app.pid, "SIGTERM");
  const timer = setTimeout(() => {
    if (app.pid !== undefined && app.exitCode === null) process.kill(-app.pid, "SIGKILL");
  }, 20_000);
  await exited;
  clearTimeout(timer);
}
