-- The whole MACA Board store. Whole records read whole are `json` (kept as written: jsonb would
-- refuse a "\u0000" in a card or a name); what is looked up has its own column and index.
-- `ord` keeps insertion order, which lists return (as the lowdb store does).

CREATE TABLE audits (
  id text PRIMARY KEY,
  ord bigint GENERATED ALWAYS AS IDENTITY,
  meta json NOT NULL
);

CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  ord bigint GENERATED ALWAYS AS IDENTITY,
  record json NOT NULL
);

-- Replacing a member moves them to the end of the list: ord comes from a sequence it can take again.
CREATE SEQUENCE members_ord;
CREATE TABLE members (
  audit_id text NOT NULL,
  user_id text NOT NULL,
  ord bigint NOT NULL DEFAULT nextval('members_ord'),
  record json NOT NULL,
  PRIMARY KEY (audit_id, user_id)
);
CREATE INDEX members_user ON members (user_id);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL,
  csrf_token text NOT NULL,
  -- ISO-8601 UTC strings, compared as the lowdb store compares them.
  created_at text NOT NULL,
  last_seen_at text NOT NULL,
  ord bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);
CREATE INDEX sessions_created ON sessions (created_at);

CREATE TABLE tokens (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  name text NOT NULL,
  hash text NOT NULL UNIQUE,
  created_at text NOT NULL,
  last_used_at text,
  ord bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX tokens_user ON tokens (user_id);

CREATE TABLE snapshots (
  audit_id text NOT NULL,
  id text NOT NULL,
  meta json NOT NULL,
  content json NOT NULL,
  state bytea NOT NULL,
  ord bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (audit_id, id)
);

CREATE TABLE freeze_states (
  audit_id text PRIMARY KEY,
  state json NOT NULL
);

CREATE TABLE acknowledgements (
  audit_id text NOT NULL,
  snapshot_id text NOT NULL,
  agency text NOT NULL,
  user_id text NOT NULL,
  record json NOT NULL,
  ord bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (audit_id, snapshot_id, agency, user_id)
);

CREATE TABLE addenda (
  audit_id text NOT NULL,
  snapshot_id text NOT NULL,
  record json NOT NULL,
  ord bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY
);
CREATE INDEX addenda_snapshot ON addenda (audit_id, snapshot_id);

CREATE TABLE action_updates (
  audit_id text NOT NULL,
  snapshot_id text NOT NULL,
  record json NOT NULL,
  ord bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY
);
CREATE INDEX action_updates_snapshot ON action_updates (audit_id, snapshot_id);

-- The hash chain is assigned by the store under an advisory lock (trail.ts); seq has no gaps.
CREATE TABLE audit_trail (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  audit_id text,
  user_id text,
  prev text NOT NULL,
  hash text NOT NULL,
  event json NOT NULL
);
CREATE INDEX audit_trail_audit ON audit_trail (audit_id);
CREATE INDEX audit_trail_user ON audit_trail (user_id);

-- A document's last compacted state (Yjs update encoding of the whole document) ...
CREATE TABLE doc_states (
  document text PRIMARY KEY,
  state bytea NOT NULL
);

-- ... and every update logged since, by any node (node = a random id per server process).
CREATE TABLE doc_updates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document text NOT NULL,
  node text NOT NULL,
  local_seq bigint NOT NULL,
  update bytea NOT NULL,
  UNIQUE (document, node, local_seq)
);
