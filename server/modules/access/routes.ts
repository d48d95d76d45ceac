import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/context.ts';

/** Access to a system: its access roles, accounts and grants, a person's access everywhere, the import of the system's own user list (docs/ACCESS.md). */
export function accessRoutes(_app: FastifyInstance, _services: Services): void {}
