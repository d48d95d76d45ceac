import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/context.ts';

/** Access reviews (behörighetskontroll): campaigns, reviewers' inboxes, decisions, closing, evidence (docs/ACCESS.md). */
export function accessReviewRoutes(_app: FastifyInstance, _services: Services): void {}
