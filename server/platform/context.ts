import type { AuditOrigin, Locale } from '../../shared/roles.ts';
import type { Config } from '../config.ts';
import type { Db, DbHandle, Dialect } from './db/index.ts';

/** What a use case needs to know about the world: where to read and write, who acts, and when. */
export interface Services {
  /** Where use cases write, and read what they are about to change. */
  db: Db;
  /** Committed data, on a connection that never waits behind a write (see DbHandle.reader); safe requests read here. */
  reader: Db;
  dialect: Dialect;
  /** Reads committed data outside any open transaction (see DbHandle.readCommitted). */
  readCommitted: DbHandle['readCommitted'];
  config: Config;
  /** The clock; tests replace it to move time. */
  now: () => Date;
}

export interface Actor {
  userId: string;
}

export interface Ctx extends Services {
  actor: Actor | null;
  origin: AuditOrigin;
  requestId: string | null;
  locale: Locale;
}

export const servicesOf = (handle: DbHandle, config: Config, now: () => Date = () => new Date()): Services => ({
  db: handle.db,
  reader: handle.reader,
  dialect: handle.dialect,
  readCommitted: handle.readCommitted,
  config,
  now,
});

export const systemCtx = (services: Services, origin: AuditOrigin = 'system'): Ctx => ({
  ...services,
  actor: null,
  origin,
  requestId: null,
  locale: 'sv',
});

export const iso = (d: Date): string => d.toISOString();
