-- Break-glass: opening a record outside one's scope for a stated reason, for a short time,
-- each opening queued for a supervisor's review.
CREATE TABLE break_glass (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  entity_type text NOT NULL CHECK (entity_type ~ '^[a-z_]{1,40}$'),
  entity_id text NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 100),
  reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
  opened_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  reviewed_by uuid,
  reviewed_at timestamptz,
  review_outcome text CHECK (review_outcome IN ('justified', 'not_justified')),
  review_note text,
  PRIMARY KEY (id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX break_glass_active ON break_glass (tenant_id, user_id, entity_type, entity_id, expires_at);
CREATE INDEX break_glass_unreviewed ON break_glass (tenant_id, opened_at) WHERE reviewed_at IS NULL;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    EXECUTE 'GRANT SELECT, INSERT, UPDATE ON break_glass TO merimna_app';
    EXECUTE 'REVOKE DELETE, TRUNCATE ON break_glass FROM merimna_app';
  END IF;
END
$$;
