import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * A PostgreSQL connection of its own that LISTENs on one channel and hands each notification on. It says when it is
 * listening (`up`) and when it stopped (`down`: an error or a closed connection; notifications sent meanwhile are
 * lost), and connects again after a pause that grows to 5 s. Every 10 s it sends itself a marker; a connection on
 * which it does not come back within 5 s is ended as lost, so one that died silently is not trusted for long.
 */
export interface ListenHandlers {
  message: (payload: string) => void;
  up: () => void;
  down: () => void;
}

export interface Listening {
  /**
   * Resolves once every notification committed before the call has been handed on: PostgreSQL delivers a channel's
   * notifications in commit order, so when a marker sent now comes back, the earlier ones have come too.
   */
  sync: () => Promise<void>;
  /** The listening connection's server process, while it listens (for pg_stat_activity; tests end it). */
  backendPid: () => number | null;
  stop: () => Promise<void>;
}

const RETRY_MS = [100, 500, 1_000, 5_000];
const SYNC_PREFIX = 'sync:';
/** How often the connection proves it still hears (a marker sent on it must come back), and how long it may take. */
const HEARTBEAT_MS = 10_000;
const HEARD_WITHIN_MS = 5_000;

export function listen(config: pg.ClientConfig, channel: string, handlers: ListenHandlers): Listening {
  let client: pg.Client | null = null;
  let listening = false;
  let pid: number | null = null;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let syncs = 0;
  const self = randomUUID().slice(0, 8);
  const waiting = new Map<string, () => void>();
  const quoted = `"${channel.replaceAll('"', '""')}"`;

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    listening = false;
    pid = null;
    clearInterval(heartbeat);
    handlers.down();
    c.end().catch(() => undefined);
    if (!stopped) timer = setTimeout(open, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
  };

  async function open(): Promise<void> {
    const c = new pg.Client({ ...config, keepAlive: true, application_name: `ansvar listen ${channel}` });
    client = c;
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      if (n.channel !== channel) return;
      const payload = n.payload ?? '';
      if (payload.startsWith(SYNC_PREFIX)) {
        waiting.get(payload)?.();
        waiting.delete(payload);
      } else handlers.message(payload);
    });
    try {
      await c.connect();
      await c.query(`listen ${quoted}`);
      const { rows } = await c.query<{ pid: number }>('select pg_backend_pid() as pid');
      if (stopped || client !== c) return;
      pid = rows[0]!.pid;
      failures = 0;
      listening = true;
      handlers.up();
      // A connection can die without a word (a network that drops packets): one that stops hearing is ended.
      heartbeat = setInterval(() => void heard(c), HEARTBEAT_MS);
      heartbeat.unref();
    } catch {
      lost(c);
    }
  }

  /** Sends a marker on the listening connection and waits for it to come back; a connection that fails is lost. */
  async function heard(c: pg.Client): Promise<void> {
    const marker = `${SYNC_PREFIX}${self}:${++syncs}`;
    let timeout: NodeJS.Timeout | undefined;
    const back = new Promise<boolean>((resolve) => waiting.set(marker, () => resolve(true)));
    const late = new Promise<boolean>((resolve) => (timeout = setTimeout(() => resolve(false), HEARD_WITHIN_MS)));
    try {
      await c.query('select pg_notify($1, $2)', [channel, marker]);
      if (!(await Promise.race([back, late]))) lost(c);
    } catch {
      lost(c);
    } finally {
      clearTimeout(timeout);
      waiting.delete(marker);
    }
  }

  void open();
  return {
    sync: async () => {
      if (client && listening) await heard(client);
    },
    backendPid: () => pid,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      const c = client;
      client = null;
      listening = false;
      for (const done of waiting.values()) done();
      waiting.clear();
      if (c) await c.end().catch(() => undefined);
    },
  };
}
