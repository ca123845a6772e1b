// `npm run bench:save`: 50 simulated agency editors save self-scores concurrently for 30 s against
// the production build on loopback (issue 5, "Benchmark"). Starts `npm run demo` on a throw-away
// data directory (PORT 3310, embedded PostgreSQL on 54391: not the e2e tests' 3210/54390), adds a
// benchmark fixture directly in its database, signs every editor in over HTTP, then each editor
// PUTs saves of the BOOLEAN / TIERED_RATE criteria of its own assessment through
// /api/assessments/[id]/scores with the score version it got back, so no conflict is expected.
// By default each editor pauses a random 0.5–1.5 s after each answer (a human's autosave cadence);
// BENCH_THINK_MS=0 saves back to back, the saturation test (see the README's benchmark section).
// Prints saves/s, p50/p95/p99 latency and the server's CPU per request, then counts the rows:
// every successful save must have its SELF_SCORE_SAVED audit event and every score's version must
// equal the saves made on it.
// Before the run it checks the endpoint's status codes (401/403/404/409/422/200). Figures, not a
// pass/fail test, but the exit code is 1 when a check fails or a save is failed or lost.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma";

import { stopApp, waitForApp } from "./bench-app";

const PORT = 3310;
const PG_PORT = 54391;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DATABASE_URL = `postgres://par:par@127.0.0.1:${PG_PORT}/par_index`;
const EDITORS = Number(process.env.BENCH_EDITORS ?? 50);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 30) * 1_000;
const START_TIMEOUT_MS = 10 * 60_000; // the first start builds the app
/**
 * How long an editor pauses after each answer before its next save, in ms: "MIN-MAX" draws each
 * pause uniformly from that range, one number is a fixed pause, and 0 saves back to back (the
 * saturation test). The default, 500–1500 ms (1 s on average), is a human cadence: the form
 * autosaves 0.8 s after typing stops, so one editor sends at most about one save a second.
 */
const THINK = parseThink(process.env.BENCH_THINK_MS ?? "500-1500");
/** Seeds each editor's pauses, so two runs offer the same load. */
const SEED = Number(process.env.BENCH_SEED ?? 1);
const REQUEST_TIMEOUT_MS = 15_000;
const YEAR = 2026;
const PASSWORD = "BenchSave@2026";

type Editor = { email: string; assessmentId: string; criteria: { id: string; method: "BOOLEAN" | "TIERED_RATE" }[]; cookie: string };
type SaveTally = Map<string, number>; // `${assessmentId}/${criterionId}` → successful saves

async function main(): Promise<void> {
  const think = THINK;
  if (!Number.isInteger(EDITORS) || EDITORS < 2 || !(DURATION_MS > 0) || !think || !Number.isInteger(SEED)) {
    throw new Error("BENCH_EDITORS must be an integer ≥ 2, BENCH_SECONDS > 0, BENCH_THINK_MS a number of ms ≥ 0 or a range MIN-MAX, and BENCH_SEED an integer");
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "par-bench-save-"));
  const logFile = path.join(dataDir, "app.log");
  const logFd = openSync(logFile, "a");
  console.log(`Starting the app (npm run demo, port ${PORT}, PostgreSQL ${PG_PORT}, data ${dataDir}); log in ${logFile}…`);
  const app = spawn("npm", ["run", "demo"], {
    stdio: ["ignore", logFd, logFd],
    detached: true, // its own process group, stopped as a whole like Playwright stops serve-app.ts
    env: { ...process.env, PAR_DATA_DIR: dataDir, PORT: String(PORT), PGPORT_EMBEDDED: String(PG_PORT), HOSTNAME: "127.0.0.1", NEXTAUTH_SECRET: randomBytes(32).toString("hex") },
  });
  closeSync(logFd);
  let db: PrismaClient | null = null;
  let isFailed = false;
  try {
    await waitForApp(app, BASE_URL, START_TIMEOUT_MS);
    db = createPrismaClient(DATABASE_URL, { maxConnections: 4 });
    const { editors, wrongPhase } = await createFixture(db);
    const tally: SaveTally = new Map();
    await signInAll([...editors, wrongPhase]);
    isFailed = !(await checkStatusCodes(editors, wrongPhase, tally)) || isFailed;
    isFailed = !(await runLoad(editors, tally, think, app.pid)) || isFailed;
    isFailed = !(await verifyRows(db, editors, tally)) || isFailed;
    if (isFailed) printServerErrors(logFile);
  } catch (error) {
    isFailed = true;
    console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error("--- last lines of the app log ---");
    console.error(readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n"));
  } finally {
    await db?.$disconnect();
    await stopApp(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exitCode = isFailed ? 1 : 0;
}

/** What the server logged about failed requests (its log goes with the throw-away data directory). */
function printServerErrors(logFile: string): void {
  const errors = readFileSync(logFile, "utf8")
    .split("\n")
    .filter((line) => /error|invalid|timed? ?out|unable/i.test(line));
  const distinct = [...new Set(errors.map((line) => line.slice(0, 300)))];
  console.error(`--- the app log's ${errors.length} error lines, ${distinct.length} distinct (first 10) ---`);
  console.error(distinct.slice(0, 10).join("\n"));
}

/**
 * BENCHMARK FIXTURE, written straight into the throw-away database (never into a real one): one
 * agency editor per agency that has no 2026 assessment yet, with a 2026 DRAFT assessment on the
 * year's criteria set for the agency's unit type. The demo province has fewer than 50 such
 * agencies, so the missing ones are added as extra communes named "Bench …". One more editor is
 * bound to an agency whose 2026 assessment is already submitted, for the WRONG_PHASE check.
 */
async function createFixture(db: PrismaClient): Promise<{ editors: Editor[]; wrongPhase: Editor }> {
  const year = await db.assessmentYear.findUniqueOrThrow({ where: { year: YEAR }, select: { id: true, criteriaSets: { select: { id: true, unitTypeId: true } } } });
  const setByUnitType = new Map(year.criteriaSets.map((set) => [set.unitTypeId, set.id]));
  const agencies = await db.agency.findMany({
    where: { assessments: { none: { yearId: year.id } }, unitTypeId: { in: [...setByUnitType.keys()] } },
    orderBy: [{ activeTo: { sort: "desc", nulls: "first" } }, { slug: "asc" }],
    select: { id: true, unitTypeId: true },
    take: EDITORS,
  });
  const existingCount = agencies.length;
  const fillerUnitTypeId = year.criteriaSets.at(-1)?.unitTypeId;
  if (!fillerUnitTypeId) throw new Error(`Year ${YEAR} has no criteria set`);
  for (let index = agencies.length; index < EDITORS; index++) {
    agencies.push(
      await db.agency.create({ data: { name: `Bench xã ${index + 1}`, slug: `bench-xa-${index + 1}`, unitTypeId: fillerUnitTypeId, isRanked: false }, select: { id: true, unitTypeId: true } }),
    );
  }
  const passwordHash = await hashPassword(PASSWORD);
  const criteriaBySet = new Map<string, Editor["criteria"]>();
  for (const setId of setByUnitType.values()) {
    const criteria = await db.criterion.findMany({ where: { criteriaSetId: setId, method: { in: ["BOOLEAN", "TIERED_RATE"] } }, select: { id: true, method: true }, orderBy: { sortOrder: "asc" } });
    criteriaBySet.set(setId, criteria.map((criterion) => ({ id: criterion.id, method: criterion.method as "BOOLEAN" | "TIERED_RATE" })));
  }

  const editors: Editor[] = [];
  for (const [index, agency] of agencies.entries()) {
    const criteriaSetId = setByUnitType.get(agency.unitTypeId) as string;
    const email = `bench-editor-${index + 1}@bench.invalid`;
    await db.user.create({ data: { email, name: `Bench editor ${index + 1}`, passwordHash, roles: ["AGENCY_EDITOR"], agencyId: agency.id } });
    const assessment = await db.assessment.create({ data: { agencyId: agency.id, yearId: year.id, criteriaSetId, status: "DRAFT" }, select: { id: true } });
    editors.push({ email, assessmentId: assessment.id, criteria: criteriaBySet.get(criteriaSetId) ?? [], cookie: "" });
  }

  const submitted = await db.assessment.findFirstOrThrow({ where: { yearId: year.id, status: "SUBMITTED" }, select: { id: true, agencyId: true, criteriaSetId: true } });
  const wrongPhaseEmail = "bench-editor-submitted@bench.invalid";
  await db.user.create({ data: { email: wrongPhaseEmail, name: "Bench editor (submitted)", passwordHash, roles: ["AGENCY_EDITOR"], agencyId: submitted.agencyId } });
  const wrongPhase: Editor = { email: wrongPhaseEmail, assessmentId: submitted.id, criteria: criteriaBySet.get(submitted.criteriaSetId) ?? [], cookie: "" };

  const criteriaCounts = [...new Set(editors.map((editor) => editor.criteria.length))].join(" or ");
  console.log(`Fixture: ${editors.length} editors on ${editors.length} agencies (${existingCount} of the demo province, ${editors.length - existingCount} added), ${criteriaCounts} BOOLEAN/TIERED_RATE criteria each.`);
  if (editors.some((editor) => editor.criteria.length === 0)) throw new Error("An assessment has no BOOLEAN or TIERED_RATE criterion");
  return { editors, wrongPhase };
}

/** Signs editors in through next-auth's credentials callback, a few at a time (argon2 is slow on purpose). */
async function signInAll(editors: Editor[]): Promise<void> {
  const startedAt = Date.now();
  const queue = [...editors];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let editor = queue.shift(); editor; editor = queue.shift()) editor.cookie = await signIn(editor.email);
    }),
  );
  console.log(`Signed in ${editors.length} editors in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
}

async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfResponse = await fetch(`${BASE_URL}/api/auth/csrf`);
  storeCookies(jar, csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }).toString(),
  });
  storeCookies(jar, response);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`Sign-in of ${email} failed (HTTP ${response.status}: ${await response.text()})`);
  }
  return cookieHeader(jar);
}

function storeCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    const separator = pair.indexOf("=");
    if (separator > 0) jar.set(pair.slice(0, separator), pair.slice(separator + 1));
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

type SaveResponse = { status: number; body: { ok: boolean; code?: string; value?: { scoreVersion: number }; current?: { scoreVersion: number } } | null };

async function putScore(cookie: string | null, assessmentId: string, body: string): Promise<SaveResponse> {
  const response = await fetch(`${BASE_URL}/api/assessments/${encodeURIComponent(assessmentId)}/scores`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed: SaveResponse["body"] = null;
  try {
    parsed = JSON.parse(text) as SaveResponse["body"];
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed };
}

function saveBody(criterionId: string, method: "BOOLEAN" | "TIERED_RATE", scoreVersion: number, sequence: number): string {
  const denominator = 50 + (sequence % 50);
  const input = method === "BOOLEAN" ? { isAchieved: sequence % 2 === 0 } : { numerator: denominator - (sequence % 7), denominator };
  return JSON.stringify({ criterionId, scoreVersion, input, note: `bench save ${sequence}` });
}

function record(tally: SaveTally, assessmentId: string, criterionId: string): void {
  const key = `${assessmentId}/${criterionId}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

/** The endpoint's answers, checked once before the load (the benchmark is its only HTTP test). */
async function checkStatusCodes(editors: Editor[], wrongPhase: Editor, tally: SaveTally): Promise<boolean> {
  const [first, second] = editors as [Editor, Editor];
  const criterion = first.criteria[0] as Editor["criteria"][number];
  const firstSave = await putScore(first.cookie, first.assessmentId, saveBody(criterion.id, criterion.method, 0, 0));
  if (firstSave.status === 200) record(tally, first.assessmentId, criterion.id);
  const checks: [string, number, string | null, Promise<SaveResponse> | SaveResponse][] = [
    ["first save", 200, null, firstSave],
    ["no session", 401, "UNAUTHENTICATED", putScore(null, first.assessmentId, saveBody(criterion.id, criterion.method, 1, 1))],
    ["invalid JSON", 422, "VALIDATION_FAILED", putScore(first.cookie, first.assessmentId, "{not json")],
    ["numerator > denominator", 422, "VALIDATION_FAILED", putScore(first.cookie, first.assessmentId, JSON.stringify({ criterionId: first.criteria.find((c) => c.method === "TIERED_RATE")?.id, scoreVersion: 0, input: { numerator: 5, denominator: 4 } }))],
    ["another agency's assessment", 403, "FORBIDDEN", putScore(first.cookie, second.assessmentId, saveBody(criterion.id, criterion.method, 0, 2))],
    ["unknown assessment", 404, "NOT_FOUND", putScore(first.cookie, "no-such-assessment", saveBody(criterion.id, criterion.method, 0, 3))],
    ["stale version", 409, "STALE_VERSION", putScore(first.cookie, first.assessmentId, saveBody(criterion.id, criterion.method, 0, 4))],
    ["submitted assessment", 409, "WRONG_PHASE", putScore(wrongPhase.cookie, wrongPhase.assessmentId, saveBody(wrongPhase.criteria[0]?.id ?? "", "BOOLEAN", 0, 5))],
  ];
  let isPassed = true;
  const lines: string[] = [];
  for (const [name, expectedStatus, expectedCode, pending] of checks) {
    const { status, body } = await pending;
    const isOk = status === expectedStatus && (expectedCode === null ? body?.ok === true : body?.code === expectedCode);
    isPassed &&= isOk;
    lines.push(`  ${isOk ? "ok  " : "FAIL"} ${name}: ${status} ${body?.ok ? "ok" : (body?.code ?? "?")} (expected ${expectedStatus} ${expectedCode ?? "ok"})`);
  }
  console.log(`Endpoint checks:\n${lines.join("\n")}`);
  // The load starts the first editor's criterion from the version its first save returned.
  startVersions.set(`${first.assessmentId}/${criterion.id}`, firstSave.body?.value?.scoreVersion ?? 0);
  return isPassed;
}

const startVersions = new Map<string, number>();

async function runLoad(editors: Editor[], tally: SaveTally, think: Think, appGroupId: number | undefined): Promise<boolean> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const endAt = Date.now() + DURATION_MS;
  console.log(`Running ${editors.length} concurrent editors for ${DURATION_MS / 1000} s, ${describeThink(think)}…`);
  const cpuBefore = { app: appCpuMs(appGroupId), bench: process.cpuUsage() };
  const startedAt = performance.now();
  await Promise.all(
    editors.map(async (editor, index) => {
      const random = seededRandom(SEED * 1_000 + index);
      const versions = new Map(editor.criteria.map((c) => [c.id, startVersions.get(`${editor.assessmentId}/${c.id}`) ?? 0]));
      // Editors do not start in step: each begins somewhere within its first pause, as people
      // already at work would. (Back to back, all 50 start at once, the harshest case.)
      if (think.maxMs > 0) await pauseUntil(random() * think.maxMs, endAt);
      for (let sequence = 0; Date.now() < endAt; sequence++) {
        const criterion = editor.criteria[sequence % editor.criteria.length] as Editor["criteria"][number];
        const sentAt = performance.now();
        let outcome = "ok";
        try {
          const { status, body } = await putScore(editor.cookie, editor.assessmentId, saveBody(criterion.id, criterion.method, versions.get(criterion.id) ?? 0, sequence));
          latencies.push(performance.now() - sentAt);
          if (status === 200 && body?.ok && body.value) {
            versions.set(criterion.id, body.value.scoreVersion);
            record(tally, editor.assessmentId, criterion.id);
          } else {
            outcome = `HTTP ${status} ${body?.code ?? ""}`.trim();
            if (body?.current) versions.set(criterion.id, body.current.scoreVersion);
          }
        } catch (error) {
          outcome = error instanceof Error ? error.name : "error";
        }
        if (outcome !== "ok") failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
        // The pause is the editor's, not the server's: it is outside the measured latency.
        await pauseUntil(think.minMs + random() * (think.maxMs - think.minMs), endAt);
      }
    }),
  );
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  const cpuAfter = { app: appCpuMs(appGroupId), bench: process.cpuUsage(cpuBefore.bench) };
  const saves = [...tally.values()].reduce((sum, count) => sum + count, 0) - 1; // minus the check's first save
  const sorted = latencies.sort((a, b) => a - b);
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  const failed = [...failures.values()].reduce((sum, count) => sum + count, 0);
  console.log(`Requests answered: ${latencies.length} in ${elapsedSeconds.toFixed(1)} s; successful saves: ${saves}`);
  console.log(`Throughput: ${(saves / elapsedSeconds).toFixed(1)} saves/s`);
  console.log(`Latency: p50 ${percentile(50).toFixed(1)} ms, p95 ${percentile(95).toFixed(1)} ms, p99 ${percentile(99).toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms (target p95 < 100 ms)`);
  console.log(`Failed (non-2xx or no answer): ${failed}${failed > 0 ? ` — ${[...failures].map(([what, count]) => `${what}: ${count}`).join(", ")}` : ""}`);
  printCpu(cpuBefore.app, cpuAfter.app, (cpuAfter.bench.user + cpuAfter.bench.system) / 1_000, latencies.length, elapsedSeconds);
  return failed === 0;
}

type Think = { minMs: number; maxMs: number };

function parseThink(value: string): Think | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)\s*)?$/.exec(value);
  if (!match) return null;
  const minMs = Number(match[1]);
  const maxMs = match[2] === undefined ? minMs : Number(match[2]);
  return maxMs >= minMs ? { minMs, maxMs } : null;
}

function describeThink({ minMs, maxMs }: Think): string {
  if (maxMs === 0) return "saving back to back (BENCH_THINK_MS=0: saturation, not a human cadence)";
  if (minMs === maxMs) return `each editor pausing ${minMs} ms after each answer (fixed)`;
  return `each editor pausing a random ${minMs}–${maxMs} ms after each answer (human cadence, seed ${SEED}; offered ≈ ${Math.round((EDITORS * 1000) / ((minMs + maxMs) / 2))} saves/s)`;
}

/** mulberry32: a small seeded generator, enough to make the pauses repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Waits `ms`, but not past the end of the run, so the run lasts what it says. */
async function pauseUntil(ms: number, endAt: number): Promise<void> {
  const wait = Math.min(ms, endAt - Date.now());
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * CPU time used so far by the app's processes, by program, from /proc: Next.js (in the process
 * group of `npm run demo`) and the embedded PostgreSQL (its postmaster, started on PG_PORT, and
 * the backends it forks; it runs as another user, outside that group). Server CPU per request is
 * the cost the optimisations aim at, and unlike latency it hardly moves when other work shares
 * the machine. Empty off Linux.
 */
function appCpuMs(groupId: number | undefined): Map<string, number> {
  const byProgram = new Map<string, number>();
  let processes: { pid: number; parentId: number; groupId: number; command: string; cpuMs: number }[];
  try {
    processes = readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .flatMap((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
          const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields[0] is stat's field 3
          const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, USER_HZ = 100
          return [{ pid: Number(pid), parentId: Number(fields[1]), groupId: Number(fields[2]), command: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), cpuMs: ticks * 10 }];
        } catch {
          return []; // exited meanwhile
        }
      });
  } catch {
    return byProgram;
  }
  const postmaster = processes.find((process) => process.command === "postgres" && readCommandLine(process.pid).includes(`-p\0${PG_PORT}\0`));
  for (const process of processes) {
    const program =
      process.groupId === groupId && process.command.startsWith("next-server")
        ? "Next.js"
        : postmaster && (process.pid === postmaster.pid || process.parentId === postmaster.pid)
          ? "PostgreSQL"
          : null;
    if (program) byProgram.set(program, (byProgram.get(program) ?? 0) + process.cpuMs);
  }
  return byProgram;
}

function readCommandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

function printCpu(before: Map<string, number>, after: Map<string, number>, benchMs: number, requests: number, elapsedSeconds: number): void {
  const parts = ["Next.js", "PostgreSQL"]
    .filter((program) => after.has(program))
    .map((program) => {
      const used = (after.get(program) ?? 0) - (before.get(program) ?? 0);
      return `${program} ${(used / requests).toFixed(1)} ms (${((100 * used) / (elapsedSeconds * 1_000)).toFixed(0)}% of a core)`;
    });
  parts.push(`this load generator ${(benchMs / requests).toFixed(1)} ms (${((100 * benchMs) / (elapsedSeconds * 1_000)).toFixed(0)}% of a core)`);
  console.log(`CPU per request: ${parts.join(", ")}; ${os.cpus().length} cores shared, load average now ${os.loadavg()[0]?.toFixed(1)}`);
}

/** Counts the rows: one SELF_SCORE_SAVED event per successful save, and each score's version = its saves. */
async function verifyRows(db: PrismaClient, editors: Editor[], tally: SaveTally): Promise<boolean> {
  const assessmentIds = editors.map((editor) => editor.assessmentId);
  const expectedSaves = [...tally.values()].reduce((sum, count) => sum + count, 0);
  const auditEvents = await db.auditEvent.count({ where: { type: "SELF_SCORE_SAVED", assessmentId: { in: assessmentIds } } });
  const scores = await db.score.findMany({ where: { assessmentId: { in: assessmentIds } }, select: { assessmentId: true, criterionId: true, version: true } });
  const mismatched = scores.filter((score) => score.version !== (tally.get(`${score.assessmentId}/${score.criterionId}`) ?? 0));
  const missing = [...tally.keys()].filter((key) => !scores.some((score) => `${score.assessmentId}/${score.criterionId}` === key));
  console.log(`Rows: ${auditEvents} SELF_SCORE_SAVED events for ${expectedSaves} successful saves (incl. the check's); ${scores.length} scores, ${mismatched.length} with a version ≠ its saves, ${missing.length} missing`);
  const isConsistent = auditEvents === expectedSaves && mismatched.length === 0 && missing.length === 0;
  console.log(isConsistent ? "No lost save." : "LOST OR EXTRA SAVES: see the counts above.");
  return isConsistent;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
