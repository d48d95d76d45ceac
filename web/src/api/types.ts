/**
 * The contract with the server: every request and response type is read from schema.gen.ts (generated
 * from /api/openapi.json before every typecheck; not committed), every enumeration from shared/. Nothing here is written
 * by hand a second time.
 */
import type { components, paths } from './schema.gen.ts';

export type { AppRole, AuditOrigin, Locale } from '../../../shared/roles.ts';
export type { Permission } from '../../../shared/permissions.ts';

/** A named schema of the API document (its components). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Success<R> = 200 extends keyof R ? Json<R[200]> : 201 extends keyof R ? Json<R[201]> : never;

/** What a successful call answers (its 200 or 201 JSON body). */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> = Success<Operation<P, M>['responses']>;

/** The JSON body a call takes, as the server reads it (fields with a server default are optional). */
export type BodyOf<P extends keyof paths, M extends Method = 'post'> = Json<NonNullable<Operation<P, M>['requestBody']>>;

/** One item of a list answer ({items: [...]}). */
export type Item<P extends keyof paths, M extends Method = 'get'> = ResponseOf<P, M> extends { items: (infer T)[] } ? T : never;

export type Me = Schema<'Me'>;
/** One of the caller's grants (app role, unit or everything, sub-units). */
export type RoleAssignment = Me['roles'][number];
