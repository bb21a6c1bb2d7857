import pg from 'pg';
import { z } from 'zod';

/** Everything lives in one schema the admin owns; the app role gets USAGE on it and nothing more. */
export const teamSchema = 'reset_history';

export const appRoleName = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'The app role must be a lower-case PostgreSQL name (letters, digits, _), e.g. helpdesk_app.');

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Versioned, applied once each in order and recorded in schema_migrations. Never edit a shipped
 * migration: add the next version.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'entries table, append-only triggers, history indexes, insert notification',
    sql: `
CREATE TABLE ${teamSchema}.entries (
  id             text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
  at             timestamptz NOT NULL,
  action         text NOT NULL CHECK (length(action) <= 64),
  -- The database login that wrote the row, set by the server: see set_staffer().
  staffer        text NOT NULL DEFAULT session_user,
  staff_name     text NOT NULL,
  profile        text NOT NULL,
  username       text,
  customer_id    text,
  customer_name  text,
  account_number text,
  user_id        text,
  user_name      text,
  extension      text,
  email          text,
  reset_id       text,
  issued_at      text,
  expires_at     text,
  outcome        text NOT NULL,
  refers_to      text,
  status         text,
  received_at    timestamptz NOT NULL DEFAULT now()
);

-- History's default order and keyset pagination.
CREATE INDEX entries_at_id ON ${teamSchema}.entries (at DESC, id DESC);
-- Filters, each ending in the page order so a filtered page is an index range scan.
CREATE INDEX entries_customer ON ${teamSchema}.entries (customer_id, at DESC, id DESC);
CREATE INDEX entries_user ON ${teamSchema}.entries (customer_id, user_id, at DESC, id DESC);
CREATE INDEX entries_staffer ON ${teamSchema}.entries (staffer, at DESC, id DESC);
CREATE INDEX entries_action ON ${teamSchema}.entries (action, at DESC, id DESC);
CREATE INDEX entries_status ON ${teamSchema}.entries (status, at DESC, id DESC);
-- The per-user warning: resets of one user in the last 24 h, newest first.
CREATE INDEX entries_user_resets ON ${teamSchema}.entries (profile, customer_id, user_id, at DESC)
  WHERE action IN ('reset_sent', 'reset_unknown');
-- The latest status check of a reset ("used yet?").
CREATE INDEX entries_checks ON ${teamSchema}.entries (refers_to, at DESC) WHERE action = 'status_checked';

-- session_user, not current_user: SET ROLE to the shared app role must not hide who wrote the row.
CREATE FUNCTION ${teamSchema}.set_staffer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.staffer := session_user;
  NEW.received_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER entries_staffer BEFORE INSERT ON ${teamSchema}.entries
  FOR EACH ROW EXECUTE FUNCTION ${teamSchema}.set_staffer();

-- Grants already deny UPDATE/DELETE/TRUNCATE to the app role; the triggers also stop the owner and
-- anyone granted more by mistake. Only a superuser disabling triggers can get around them.
CREATE FUNCTION ${teamSchema}.refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'reset history is append-only: % is not allowed', TG_OP USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER entries_no_update_delete BEFORE UPDATE OR DELETE ON ${teamSchema}.entries
  FOR EACH ROW EXECUTE FUNCTION ${teamSchema}.refuse_rewrite();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON ${teamSchema}.entries
  FOR EACH STATEMENT EXECUTE FUNCTION ${teamSchema}.refuse_rewrite();
CREATE TRIGGER migrations_no_update_delete BEFORE UPDATE OR DELETE ON ${teamSchema}.schema_migrations
  FOR EACH ROW EXECUTE FUNCTION ${teamSchema}.refuse_rewrite();
CREATE TRIGGER migrations_no_truncate BEFORE TRUNCATE ON ${teamSchema}.schema_migrations
  FOR EACH STATEMENT EXECUTE FUNCTION ${teamSchema}.refuse_rewrite();

-- Another desk learns of a new row at once (LISTEN reset_history), without polling.
CREATE FUNCTION ${teamSchema}.notify_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('reset_history', json_build_object(
    'id', NEW.id, 'at', NEW.at, 'action', NEW.action, 'staffer', NEW.staffer,
    'profile', left(NEW.profile, 300), 'customerId', left(NEW.customer_id, 200), 'userId', left(NEW.user_id, 200),
    'refersTo', left(NEW.refers_to, 200))::text);
  RETURN NULL;
END $$;
CREATE TRIGGER entries_notify AFTER INSERT ON ${teamSchema}.entries
  FOR EACH ROW EXECUTE FUNCTION ${teamSchema}.notify_entry();
`,
  },
  {
    version: 2,
    name: 'reset_state: the latest status of each reset, kept by a trigger, for the History status filter',
    sql: `
-- A derived projection, rebuilt from entries at any time (rebuild_reset_state). The History status
-- filter needs "status after the latest check" as an indexed column; entries stay append-only.
CREATE TABLE ${teamSchema}.reset_state (
  reset_id   text PRIMARY KEY,
  -- The reset's own time; NULL while only a check of it has arrived.
  at         timestamptz,
  status     text NOT NULL,
  checked_at timestamptz,
  issued_at  text,
  expires_at text
);
CREATE INDEX reset_state_status ON ${teamSchema}.reset_state (status, at DESC, reset_id DESC);

-- SECURITY DEFINER: the app role has no write grant on reset_state; only this trigger writes it.
CREATE FUNCTION ${teamSchema}.track_reset_state() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.action IN ('reset_sent', 'reset_refused', 'reset_unknown') THEN
    INSERT INTO ${teamSchema}.reset_state AS s (reset_id, at, status, issued_at, expires_at)
    VALUES (NEW.id, NEW.at, coalesce(NEW.status, 'unknown'), NEW.issued_at, NEW.expires_at)
    ON CONFLICT (reset_id) DO UPDATE SET at = EXCLUDED.at; -- a check arrived first: its status stays
  ELSIF NEW.action = 'status_checked' AND NEW.refers_to IS NOT NULL THEN
    INSERT INTO ${teamSchema}.reset_state AS s (reset_id, at, status, checked_at, issued_at, expires_at)
    VALUES (NEW.refers_to, NULL, coalesce(NEW.status, 'unknown'), NEW.at, NEW.issued_at, NEW.expires_at)
    ON CONFLICT (reset_id) DO UPDATE
      SET status = EXCLUDED.status, checked_at = EXCLUDED.checked_at, issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at
      WHERE s.checked_at IS NULL OR s.checked_at <= EXCLUDED.checked_at;
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION ${teamSchema}.track_reset_state() FROM PUBLIC;
CREATE TRIGGER entries_reset_state AFTER INSERT ON ${teamSchema}.entries
  FOR EACH ROW EXECUTE FUNCTION ${teamSchema}.track_reset_state();

-- Fills reset_state from entries (after this migration, or a bulk load with triggers off). Owner only.
CREATE FUNCTION ${teamSchema}.rebuild_reset_state() RETURNS void LANGUAGE sql AS $$
  DELETE FROM ${teamSchema}.reset_state;
  INSERT INTO ${teamSchema}.reset_state (reset_id, at, status, issued_at, expires_at)
  SELECT id, at, coalesce(status, 'unknown'), issued_at, expires_at FROM ${teamSchema}.entries
  WHERE action IN ('reset_sent', 'reset_refused', 'reset_unknown');
  INSERT INTO ${teamSchema}.reset_state AS s (reset_id, at, status, checked_at, issued_at, expires_at)
  SELECT DISTINCT ON (refers_to) refers_to, NULL::timestamptz, coalesce(status, 'unknown'), at, issued_at, expires_at
  FROM ${teamSchema}.entries WHERE action = 'status_checked' AND refers_to IS NOT NULL
  ORDER BY refers_to, at DESC
  ON CONFLICT (reset_id) DO UPDATE
    SET status = EXCLUDED.status, checked_at = EXCLUDED.checked_at, issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at;
$$;
REVOKE ALL ON FUNCTION ${teamSchema}.rebuild_reset_state() FROM PUBLIC;
SELECT ${teamSchema}.rebuild_reset_state();
`,
  },
];

export const latestVersion = Math.max(...migrations.map((m) => m.version));

/** The columns a client may write. staffer and received_at are the server's. */
export const writableColumns = [
  'id', 'at', 'action', 'staff_name', 'profile', 'username', 'customer_id', 'customer_name', 'account_number',
  'user_id', 'user_name', 'extension', 'email', 'reset_id', 'issued_at', 'expires_at', 'outcome', 'refers_to', 'status',
] as const;

export interface MigrateResult {
  applied: number[];
  version: number;
}

/**
 * Creates or updates the schema and the app role, in one transaction under an advisory lock, so two
 * team leads running it at once, or running it twice, is safe. Grants are re-stated on every run.
 */
export async function migrate(client: pg.ClientBase, appRole: string): Promise<MigrateResult> {
  const role = pg.escapeIdentifier(appRoleName.parse(appRole));
  const s = teamSchema;
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('${s}.migrate'))`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`)).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      applied.push(m.version);
    }
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appRole]);
    if (exists.rowCount === 0) await client.query(`CREATE ROLE ${role} NOLOGIN`);
    await client.query(`REVOKE ALL ON SCHEMA ${s} FROM PUBLIC`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM PUBLIC, ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${role}`);
    await client.query(`GRANT SELECT ON ${s}.entries, ${s}.reset_state, ${s}.schema_migrations TO ${role}`);
    await client.query(`GRANT INSERT (${writableColumns.join(', ')}) ON ${s}.entries TO ${role}`);
    await client.query('COMMIT');
    return { applied, version: latestVersion };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
