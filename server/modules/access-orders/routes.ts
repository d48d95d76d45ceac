import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/context.ts';

/** Access orders: ordering, approving, executing and cancelling grants and removals; offboarding's removals (docs/ACCESS.md). */
export function accessOrderRoutes(_app: FastifyInstance, _services: Services): void {}
