import type { Locale } from '../../../shared/roles.ts';
import type { Action, Grant } from '../access/permissions.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { ChangeFeedFollower } from '../changes.ts';
import type { JobRunner } from '../jobs.ts';

/**
 * Every API route declares who may call it:
 * - 'public': anyone (still CSRF-checked when it changes state);
 * - 'authenticated': any signed-in user;
 * - an action: a signed-in user holding it somewhere (use cases narrow it to units).
 */
export type Access = 'public' | 'authenticated' | Action;

export interface Auth {
  session: SessionUser;
  grants: Grant[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's background work (server/app.ts): the job runner and the other instances' change feed. */
    background: { jobs: JobRunner; feed: ChangeFeedFollower; instanceId: string };
  }
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    locale: Locale;
    auth: Auth | null;
  }
}
