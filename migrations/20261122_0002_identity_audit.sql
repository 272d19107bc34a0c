-- Staff identity (users, memberships, sessions, API tokens, sign-in throttling) and the audit trail.
-- Forward-only: never edit this file once merged; add a new migration instead.

CREATE TABLE users (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name text NOT NULL,
  email text,
  password_hash text,
  password_changed_at timestamptz,
  totp_secret text,
  totp_enabled_at timestamptz,
  recovery_codes jsonb NOT NULL DEFAULT '[]',
  oidc_issuer text,
  oidc_subject text,
  is_demo boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, username),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, oidc_issuer, oidc_subject),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);

-- A membership grants a role at one structure, or at all structures when structure_id is null.
CREATE TABLE memberships (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  structure_id uuid,
  role text NOT NULL CHECK (role IN ('frontdesk', 'social_worker', 'structure_staff', 'structure_manager', 'director', 'dpo', 'admin', 'partner')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, structure_id) REFERENCES structures (tenant_id, id)
);
CREATE UNIQUE INDEX memberships_unique ON memberships (tenant_id, user_id, coalesce(structure_id, '00000000-0000-0000-0000-000000000000'::uuid), role);

-- Server-side sessions; the cookie carries a random token, the table only its SHA-256.
CREATE TABLE sessions (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  mfa_verified boolean NOT NULL DEFAULT false,
  structure_id uuid,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user ON sessions (tenant_id, user_id) WHERE revoked_at IS NULL;

CREATE TABLE api_tokens (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

-- Failed sign-ins per account and per client address, for growing delays.
CREATE TABLE login_throttle (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  key text NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  PRIMARY KEY (tenant_id, key)
);

-- The audit trail: append-only, hash-chained per tenant.
CREATE TABLE audit_event (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_user_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  person_id uuid,
  structure_id uuid,
  changes jsonb,
  request_id text,
  ip text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  reason text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (id)
);
CREATE INDEX audit_event_person ON audit_event (tenant_id, person_id, at) WHERE person_id IS NOT NULL;
CREATE INDEX audit_event_actor ON audit_event (tenant_id, actor_user_id, at);
CREATE INDEX audit_event_at ON audit_event (tenant_id, at);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = '42501';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
