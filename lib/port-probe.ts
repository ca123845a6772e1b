import net from "node:net";

/**
 * Why a TCP port on 127.0.0.1 cannot be listened on (e.g. EADDRINUSE), or null when it is free.
 * Callers turn the answer into their own message: the app's port and the database's port are
 * configured by different settings.
 */
export function findPortProblem(port: number): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(null)));
  });
}
