-- OpenID Connect: the PKCE verifier, state and nonce of a sign-in in progress (10 minutes).
CREATE TABLE oidc_state (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id)
);
CREATE INDEX oidc_state_created ON oidc_state (created_at);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    EXECUTE 'GRANT SELECT, INSERT, DELETE ON oidc_state TO merimna_app';
  END IF;
END
$$;
