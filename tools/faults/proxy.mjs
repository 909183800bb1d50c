// A TCP forwarder the fault suite can cut and restore: how PostgreSQL and Redis "restart" for the apps
// under test without stopping the servers everything else on the machine shares
// (the same idea as libs/testing's TcpProxy, which a plain .mjs script cannot import).
import net from 'node:net';

export class TcpProxy {
  #server = null;
  #sockets = new Set();

  constructor(target, port) {
    this.target = target;
    this.port = port;
  }

  /** Starts forwarding a free local port to `target` ({host, port}). */
  static async start(target) {
    const probe = net.createServer();
    const port = await new Promise((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => resolve(probe.address().port));
    });
    await new Promise((resolve) => probe.close(resolve));
    const proxy = new TcpProxy(target, port);
    await proxy.restore();
    return proxy;
  }

  /** The URL with its host and port replaced by the proxy's. */
  url(original) {
    const url = new URL(original);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  get isUp() {
    return this.#server !== null;
  }

  /** Accepts connections again (the server "came back"). */
  async restore() {
    if (this.#server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      const end = () => (client.destroy(), upstream.destroy());
      client.on('close', end);
      upstream.on('close', end);
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.#server = server;
  }

  /** Drops every open connection and refuses new ones, as when the server stops. */
  async cut() {
    const server = this.#server;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  close() {
    return this.cut();
  }
}
