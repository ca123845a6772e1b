import "server-only";

import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";

/**
 * Where evidence bytes live: outside the database, content-addressed by their SHA-256, so the same
 * file uploaded by two criteria (or two agencies) is stored once and a key never points at other
 * content. The user's file name never reaches the disk; it is a column of EvidenceFile.
 *
 * Nothing is ever deleted here: removing an evidence row keeps the bytes, because other rows (this
 * year, last year's carried-over links, another agency) may share them. Unreferenced content can
 * be swept later by comparing the store with `SELECT DISTINCT sha256 FROM "EvidenceFile"`.
 */
export interface EvidenceStorage {
  /** Stores the bytes under their hash. Idempotent: storing the same content again changes nothing. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under that hash. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function assertKey(sha256: string): void {
  // The key becomes a path: only a lower-case hex digest may, never anything with a separator or "..".
  if (!SHA256_HEX.test(sha256)) throw new Error("Evidence storage key must be a lower-case hex SHA-256");
}

/**
 * Files under `<root>/ab/cd/<sha256>`: two levels of 256 directories keep any one directory small
 * for a province's hundreds of thousands of files.
 */
export class FileSystemEvidenceStorage implements EvidenceStorage {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    assertKey(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return;
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Written beside the target and renamed over it: rename is atomic on one file system, so a
    // crash leaves at worst a stray .tmp file, never a half-written file under a valid hash.
    // Two concurrent puts of the same content each rename a complete copy; either one wins.
    const temporary = `${target}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      const handle = await fs.open(temporary, "wx", 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await fs.stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  }
}

/** `<PAR_DATA_DIR or ./.data>/evidence`, beside the embedded database's data. */
export function evidenceRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.PAR_DATA_DIR?.trim() || ".data", "evidence");
}

/**
 * The storage the services use. Read from the environment on each call (cheap), so tests and
 * scripts may point PAR_DATA_DIR elsewhere before using it.
 *
 * An S3-compatible implementation (MinIO, a cloud bucket) plugs in here for the scale-out set-up
 * (DESIGN.md §4): chosen by e.g. PAR_EVIDENCE_S3_BUCKET, with `put` as a PutObject under the same
 * ab/cd/<sha256> key (skipped after a HeadObject hit), `get` as a GetObject. The services only
 * see this interface.
 */
export function getEvidenceStorage(env: NodeJS.ProcessEnv = process.env): EvidenceStorage {
  return new FileSystemEvidenceStorage(evidenceRoot(env));
}
