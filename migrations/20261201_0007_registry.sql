-- The registry's workflows: the append-only link log (merge, unmerge, cannot-link), the
-- duplicates review queue, households over time, and consents per purpose and recipient.
-- Every table carries the compartment of the rows it is about, under the same row-level security.

CREATE TABLE person_links (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  compartment_id uuid,
  action text NOT NULL CHECK (action IN ('link', 'unlink', 'cannot_link')),
  -- a: a row of the surviving cluster; b: a row of the other one (for unlink: the link undone's).
  a_id uuid NOT NULL,
  b_id uuid NOT NULL,
  score double precision,
  model_version text,
  actor_user_id uuid,
  actor_label text NOT NULL,
  reason text,
  -- link: the rows moved into a's cluster and the golden-record fields the merge changed
  -- ({field: [before, after]}), so that an unmerge puts back exactly what the merge changed.
  moved_rows uuid[] NOT NULL DEFAULT '{}',
  changed jsonb NOT NULL DEFAULT '{}',
  -- unlink: the link it undoes.
  undoes uuid,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, undoes),
  FOREIGN KEY (tenant_id, a_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, b_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, undoes) REFERENCES person_links (tenant_id, id),
  CHECK (a_id <> b_id),
  CHECK ((action = 'unlink') = (undoes IS NOT NULL))
);
CREATE INDEX person_links_a ON person_links (tenant_id, a_id);
CREATE INDEX person_links_b ON person_links (tenant_id, b_id);
-- The matcher asks for the (few) cannot-links at every batch: without this, a scan of every link.
CREATE INDEX person_links_cannot ON person_links (tenant_id) INCLUDE (a_id, b_id) WHERE action = 'cannot_link';

CREATE TABLE match_reviews (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  compartment_id uuid,
  -- The pair in a fixed order (a_id < b_id), so that one pair is queued once.
  a_id uuid NOT NULL,
  b_id uuid NOT NULL,
  score double precision NOT NULL,
  weight double precision NOT NULL,
  model_version text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'linked', 'rejected', 'cannot_link')),
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, a_id, b_id),
  FOREIGN KEY (tenant_id, a_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, b_id) REFERENCES persons (tenant_id, id),
  CHECK (a_id < b_id)
);
CREATE INDEX match_reviews_open ON match_reviews (tenant_id, score DESC) WHERE status = 'open';
CREATE INDEX match_reviews_b ON match_reviews (tenant_id, b_id);

CREATE TABLE households (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  compartment_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id)
);

CREATE TABLE household_members (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  household_id uuid NOT NULL,
  person_id uuid NOT NULL,
  compartment_id uuid,
  relationship text NOT NULL CHECK (relationship IN ('head', 'spouse', 'child', 'other')),
  from_date date NOT NULL DEFAULT current_date,
  to_date date,
  PRIMARY KEY (id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES households (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id),
  CHECK (to_date IS NULL OR to_date >= from_date)
);
-- One current membership per person and household, and one current head per household.
CREATE UNIQUE INDEX household_members_current ON household_members (tenant_id, household_id, person_id) WHERE to_date IS NULL;
CREATE UNIQUE INDEX household_members_head ON household_members (tenant_id, household_id) WHERE to_date IS NULL AND relationship = 'head';
CREATE INDEX household_members_person ON household_members (tenant_id, person_id);

CREATE TABLE consents (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  compartment_id uuid,
  purpose text NOT NULL CHECK (purpose IN ('referral', 'data_sharing', 'case_management', 'contact', 'benefit_application', 'research')),
  recipient_organisation_id uuid,
  lawful_basis text NOT NULL CHECK (lawful_basis IN ('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task',
    'legitimate_interests')),
  given_at date NOT NULL,
  expires_at date,
  withdrawn_at timestamptz,
  note text,
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, recipient_organisation_id) REFERENCES organisations (tenant_id, id),
  CHECK (expires_at IS NULL OR expires_at >= given_at)
);
CREATE INDEX consents_person ON consents (tenant_id, person_id);

ALTER TABLE person_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_links FORCE ROW LEVEL SECURITY;
CREATE POLICY person_links_compartment ON person_links
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE match_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE match_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY match_reviews_compartment ON match_reviews
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE households ENABLE ROW LEVEL SECURITY;
ALTER TABLE households FORCE ROW LEVEL SECURITY;
CREATE POLICY households_compartment ON households
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE household_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_members FORCE ROW LEVEL SECURITY;
CREATE POLICY household_members_compartment ON household_members
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE consents FORCE ROW LEVEL SECURITY;
CREATE POLICY consents_compartment ON consents
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    -- The link log is append-only for the application.
    EXECUTE 'GRANT SELECT, INSERT ON person_links TO merimna_app';
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON person_links FROM merimna_app';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE ON match_reviews, households, household_members, consents TO merimna_app';
    EXECUTE 'REVOKE DELETE, TRUNCATE ON match_reviews, households, household_members, consents FROM merimna_app';
  END IF;
END
$$;
