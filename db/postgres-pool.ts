import pg from "pg";

// Failures that say the connection could not be opened or was lost, not that a statement was
// wrong: the server was unreachable, restarting, shutting down or full.
const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
const serverCodes = new Set([
  "57P01", // admin_shutdown: a fast shutdown or pg_terminate_backend
  "57P02", // crash_shutdown: another backend crashed, the server restarts
  "57P03", // cannot_connect_now: starting up, shutting down, in recovery
  "53300", // too_many_connections
]);

/** True for errors of the connection itself; SQLSTATE class 08 is "connection exception". */
function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === "string") {
    return networkCodes.has(code) || serverCodes.has(code) || code.startsWith("08");
  }
  // node-postgres's words for a socket closed without a message, and for a client whose
  // connection failed earlier (it sends nothing more).
  return (
    error.message.startsWith("Connection terminated") ||
    error.message.includes("encountered a connection error and is not queryable")
  );
}

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: Error | boolean) => void,
) => void;

/** How long a checkout keeps retrying while the server is unreachable (a restart takes seconds). */
const acquireRetryMs = 15_000;
const maxBackoffMs = 1_000;

/**
 * A node-postgres pool that survives the server dropping connections (restart, failover,
 * pg_terminate_backend) and whose close really closes.
 *
 * - Dropped connections never become uncaught exceptions. pg-pool forwards an idle client's
 *   error to the pool's `error` event, but detaches its own listener while a client is
 *   checked out, and Drizzle transactions hold a client across statements: an EventEmitter
 *   with no `error` listener throws. Each lost connection is reported once, in one line, and
 *   pg-pool discards it; a later checkout opens a new one.
 * - A checkout never hands out a connection the server has already ended. pg-pool learns of
 *   an end only when it reads the socket, so for a moment after a restart or a terminate the
 *   dead client still sits in the idle list. A reused client therefore answers `select 1`
 *   first (one round trip); if it cannot, it is discarded and the checkout takes another.
 * - Checkout retries connection-level failures (refused, reset, "shutting down", "starting
 *   up") until the server is back. Checkout sends no statement of the caller's, so retrying it
 *   never runs anything twice; a statement that fails with its connection is not retried,
 *   since the server may have run it.
 */
export class RecoveringPool extends pg.Pool {
  private readonly open = new Set<pg.PoolClient>();
  private readonly reported = new WeakSet<pg.PoolClient>();
  private readonly fresh = new WeakSet<pg.PoolClient>();

  constructor(config: pg.PoolConfig) {
    super(config);
    this.on("error", (error, client) => this.report(client, error));
    this.on("connect", (client) => {
      this.open.add(client);
      this.fresh.add(client);
      client.once("end", () => this.open.delete(client));
      client.on("error", (error) => this.report(client, error));
    });
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const acquired = this.acquire();
    if (!callback) return acquired;
    // pool.query() checks out through this callback form.
    acquired.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error, undefined, () => {}),
    );
    return undefined;
  }

  /**
   * Ends the pool once every connection's socket is closed. pg-pool's end() resolves as soon
   * as it has asked the connections to close, while their server sessions still exist; a
   * `DROP DATABASE` or a second server right after would still find them.
   */
  async close(): Promise<void> {
    const closed = [...this.open].map(
      (client) => new Promise<void>((resolve) => client.once("end", () => resolve())),
    );
    await this.end();
    await Promise.all(closed);
  }

  private async acquire(): Promise<pg.PoolClient> {
    const deadline = Date.now() + acquireRetryMs;
    for (let attempt = 0; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await super.connect();
      } catch (error) {
        const wait = Math.min(maxBackoffMs, 50 * 2 ** attempt);
        if (!isConnectionError(error) || this.ending || Date.now() + wait > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      // A connection opened for this checkout has just proved itself in the handshake.
      if (this.fresh.delete(client)) return client;
      try {
        await client.query("select 1");
        return client;
      } catch (error) {
        const lost = isConnectionError(error);
        if (lost) this.report(client, error as Error);
        // Releasing with an error makes pg-pool discard the client.
        client.release(error as Error);
        if (!lost || this.ending || Date.now() > deadline) throw error;
      }
    }
  }

  private report(client: pg.PoolClient, error: Error & { code?: string }): void {
    // A connection's first error is the news; what follows ("Connection terminated
    // unexpectedly") is its echo. While the pool closes, dropped connections are expected.
    if (this.reported.has(client) || this.ending) return;
    this.reported.add(client);
    // The message only: pg-pool sets error.client, whose settings include the password.
    const reason = `${error.code ? `${error.code} ` : ""}${error.message}`.replace(/\s+/g, " ");
    console.warn(`PostgreSQL closed a pooled connection (${reason}); the pool opens a new one.`);
  }
}
