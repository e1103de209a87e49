import net from "node:net";

export type TcpProxy = {
  readonly port: number;
  /** Drops every relayed connection and refuses new ones, as a stopped server does. */
  stop: () => Promise<void>;
  /** Accepts connections again on the same port. */
  start: () => Promise<void>;
};

/**
 * A TCP relay in front of PostgreSQL that a test can stop and start: a server restart without
 * restarting the server other tests share.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;

  const track = (socket: net.Socket, peer: () => net.Socket) => {
    sockets.add(socket);
    // A reset on one side ends the other; the relay itself never throws.
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      sockets.delete(socket);
      peer().destroy();
    });
  };

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const listening = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        track(client, () => upstream);
        track(upstream, () => client);
        client.pipe(upstream).pipe(client);
      });
      listening.once("error", reject);
      listening.listen(port, "127.0.0.1", () => {
        port = (listening.address() as net.AddressInfo).port;
        server = listening;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });

  await start();
  return {
    get port() {
      return port;
    },
    start,
    stop,
  };
}
