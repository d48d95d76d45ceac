import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL only: whenever something the per-request session lookup reads changes — a session ends or is removed,
 * a user's status, e-mail, name or language, a permission grant — the user's id goes out on the `ansvar_auth`
 * channel, at commit, to every instance that listens (platform/auth/session-invalidation.ts). The last-use columns
 * written on every touch are left out. Several notices of one id in one transaction arrive as one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create function ansvar_auth_changed() returns trigger language plpgsql as $$
    declare
      before_id text := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) ->> tg_argv[0] end;
      after_id text := case when tg_op in ('UPDATE', 'INSERT') then to_jsonb(new) ->> tg_argv[0] end;
    begin
      if before_id is not null then perform pg_notify('ansvar_auth', before_id); end if;
      if after_id is not null and after_id is distinct from before_id then perform pg_notify('ansvar_auth', after_id); end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger sessions_auth_changed after update on sessions for each row
    when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at
      or old.user_id is distinct from new.user_id or old.csrf_token is distinct from new.csrf_token)
    execute function ansvar_auth_changed('user_id')`.execute(db);
  await sql`create trigger sessions_auth_removed after delete on sessions for each row execute function ansvar_auth_changed('user_id')`.execute(db);
  await sql`
    create trigger users_auth_changed after update on users for each row
    when (old.status is distinct from new.status or old.email is distinct from new.email
      or old.name is distinct from new.name or old.locale is distinct from new.locale)
    execute function ansvar_auth_changed('id')`.execute(db);
  await sql`create trigger users_auth_removed after delete on users for each row execute function ansvar_auth_changed('id')`.execute(db);
  await sql`
    create trigger permission_grants_auth_changed after insert or update or delete on permission_grants for each row
    execute function ansvar_auth_changed('user_id')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
