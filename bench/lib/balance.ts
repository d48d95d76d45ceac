/**
 * The loopback balancer behind the benchmark's two-instance mode (bench/balancer.ts runs it as a process of
 * its own): each accepted TCP connection goes to the next backend in turn, bytes piped both ways.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface Backend {
  host: string;
  port: number;
}

/** Parses "host:port,host:port"; throws on anything else. */
export function parseBackends(raw: string | undefined): Backend[] {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const m = /^([^:]+):(\d{1,5})$/.exec(item);
      const port = m ? Number(m[2]) : NaN;
      if (!m || port < 1 || port > 65_535) throw new Error(`BACKENDS: "${item}" is not host:port`);
      return { host: m[1]!, port };
    });
  if (list.length === 0) throw new Error('BACKENDS: at least one host:port is needed');
  return list;
}

/** Hands out the backends in turn. */
export function roundRobin<T>(items: readonly T[]): () => T {
  let next = 0;
  return () => {
    const item = items[next]!;
    next = (next + 1) % items.length;
    return item;
  };
}

function pipeBoth(client: Socket, backend: Backend): void {
  const upstream = connect({ host: backend.host, port: backend.port, noDelay: true });
  client.setNoDelay(true);
  const closeBoth = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', closeBoth);
  upstream.on('error', closeBoth);
  client.on('close', closeBoth);
  upstream.on('close', closeBoth);
  client.pipe(upstream);
  upstream.pipe(client);
}

export interface Balancer {
  port: number;
  /** Stops listening and ends every open connection. */
  close: () => Promise<void>;
}

/** Listens on host:port (0: any free port) and balances connections over the backends; resolves once listening. */
export function startBalancer(backends: Backend[], port: number, host = '127.0.0.1'): Promise<Balancer> {
  const next = roundRobin(backends);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    pipeBoth(client, next());
  });
  const close = () =>
    new Promise<void>((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolveListen({ port: typeof addr === 'object' && addr ? addr.port : port, close });
    });
  });
}
