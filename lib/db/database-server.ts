// CONTRACT (implemented by the embedded-postgres work):
// Resolve the PostgreSQL server the app uses: DATABASE_URL when set, otherwise an embedded
// PostgreSQL with its data under .data/postgres, started and awaited until ready.
export type DatabaseServer = {
  /** postgres:// URL of the application database (created if missing). */
  url: string;
  /** true when this process started an embedded server (and so must stop it). */
  isEmbedded: boolean;
  /** Stops the embedded server cleanly; a no-op for an external DATABASE_URL. */
  stop(): Promise<void>;
};

export async function startDatabaseServer(): Promise<DatabaseServer> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("TEMPORARY: embedded PostgreSQL not implemented yet");
  return { url, isEmbedded: false, stop: async () => {} };
}
