// The embedded PostgreSQL life cycle against the real binaries: each test starts a server in a
// temporary data directory on a free port, never the developer's .data/postgres or 54329.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { DatabaseConfigError, startDatabaseServer } from "@/lib/db/database-server";

const dataRoot = mkdtempSync(path.join(os.tmpdir(), "par-database-server-test-"));
const dataDir = path.join(dataRoot, "postgres");
// As root, the postgres user must be able to reach the data directory; mkdtemp makes it 0700.
if (process.getuid?.() === 0) spawnSync("chmod", ["o+x", dataRoot]);

afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A port nothing listens on right now (the OS hands out a free one for port 0). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** As root, the embedded server runs as the postgres system user; otherwise as us. */
function postgresUserIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"]).stdout.toString());
  return { uid: id("-u"), gid: id("-g") };
}

function start(port: number) {
  // env: {} so that a DATABASE_URL in the developer's environment does not bypass the embedded server.
  return startDatabaseServer({ env: {}, dataDir, port, isEphemeral: true });
}

describe("embedded PostgreSQL", () => {
  it("accepts queries, and a restart keeps the data", async () => {
    const port = await freePort();
    const first = await start(port);
    expect(first.isEmbedded).toBe(true);
    expect(first.url).toBe(`postgres://par:par@127.0.0.1:${port}/par_index`);
    try {
      await query(first.url, "CREATE TABLE kept (name text); INSERT INTO kept VALUES ('Sở Nội vụ')");
    } finally {
      await first.stop();
    }
    await expect(query(first.url, "SELECT 1")).rejects.toThrow();

    const second = await start(port);
    try {
      expect(await query(second.url, "SELECT name FROM kept")).toEqual([{ name: "Sở Nội vụ" }]);
    } finally {
      await second.stop();
    }
  });

  // After a kill -9 of both node and postgres, postmaster.pid names a dead pid; after a reboot or a
  // container restart the same pid often belongs to an unrelated live process, which postgres
  // itself takes for a running server and refuses to start.
  it.each([
    ["a dead process", () => ({ pid: spawnSync(process.execPath, ["-e", ""]).pid, release: () => {} })],
    [
      "a live unrelated process",
      () => {
        // As the user postgres runs as: postgres ignores pids it may not signal (EPERM).
        const sleeper = spawn("sleep", ["60"], postgresUserIds());
        return { pid: sleeper.pid ?? 0, release: () => sleeper.kill() };
      },
    ],
  ])("starts over a stale postmaster.pid naming %s", async (_, stalePid) => {
    const port = await freePort();
    await (await start(port)).stop();
    const { pid, release } = stalePid();
    writeFileSync(
      path.join(dataDir, "postmaster.pid"),
      `${pid}\n${dataDir}\n1700000000\n${port}\n\n127.0.0.1\n  1234567  7\nready   \n`,
    );
    try {
      const server = await start(port);
      try {
        expect(await query(server.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
      } finally {
        await server.stop();
      }
    } finally {
      release();
    }
  });

  it("stops and replaces a postgres left running by a process killed with kill -9", async () => {
    const port = await freePort();
    const script = path.join(dataRoot, "start-and-wait.mts");
    writeFileSync(
      script,
      `import { startDatabaseServer } from ${JSON.stringify(path.resolve("lib/db/database-server.ts"))};\n` +
        `await startDatabaseServer({ env: {}, dataDir: ${JSON.stringify(dataDir)}, port: ${port}, isEphemeral: true });\n` +
        `console.log("ready");\n`,
    );
    const owner = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      owner.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      owner.once("exit", (code) => reject(new Error(`the owner process exited early (code ${code})`)));
    });
    const orphanPid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    owner.kill("SIGKILL");
    await new Promise((resolve) => owner.once("exit", resolve));
    expect(isAlive(orphanPid)).toBe(true);

    const server = await start(port);
    try {
      expect(await query(server.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
      expect(await query(server.url, "SELECT pg_backend_pid() > 0 AS ok")).toEqual([{ ok: true }]);
    } finally {
      await server.stop();
    }
    // The orphan was shut down, not merely worked around on another port.
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
    // Gone, or a zombie waiting for an init that reaps late.
    expect(spawnSync("ps", ["-o", "stat=", "-p", String(orphanPid)]).stdout.toString().trim()).toMatch(/^(Z.*)?$/);
  });

  it("says which setting to change when the port is taken by another program", async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, "0.0.0.0", resolve));
    const { port } = busy.address() as net.AddressInfo;
    try {
      const attempt = start(port);
      await expect(attempt).rejects.toThrow(DatabaseConfigError);
      await expect(attempt).rejects.toThrow(
        `Port ${port} is already in use by another program. Set PGPORT_EMBEDDED to a free port, or stop that program.`,
      );
    } finally {
      busy.close();
    }
  });
});

describe("DATABASE_URL", () => {
  it("says the server is unreachable, without repeating the password", async () => {
    const port = await freePort();
    const attempt = startDatabaseServer({ env: { DATABASE_URL: `postgres://par:s3cret@127.0.0.1:${port}/par_index` } });
    const error: unknown = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as Error).message).toBe(
      `Cannot reach the PostgreSQL server at 127.0.0.1:${port} given by DATABASE_URL (ECONNREFUSED). Check that it is running, or unset DATABASE_URL to use the embedded server.`,
    );
    expect((error as Error).message).not.toContain("s3cret");
  });
});
