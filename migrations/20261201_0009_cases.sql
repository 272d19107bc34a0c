-- Case files: the case types each structure offers, cases of a person or a household, the
-- append-only timeline of every step, and the log of services delivered.
--
-- A case at a confidential structure (the women's shelter) lies in its compartment, and so do
-- its timeline entries and the services delivered there: the same FORCE'd row-level security as
-- the people tables (merimna_compartment_visible, migration 0006).

CREATE TABLE case_types (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9_-]{1,62}$'),
  name jsonb NOT NULL,
  -- Where the type is offered: structures of these types (empty = every type), or one structure only.
  structure_types text[] NOT NULL DEFAULT '{}',
  structure_id uuid,
  closure_needs_approval boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, slug),
  FOREIGN KEY (tenant_id, structure_id) REFERENCES structures (tenant_id, id)
);

-- The types of issue 5, for every tenant now and for every tenant created later.
CREATE FUNCTION merimna_seed_case_types(tenant uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO case_types (tenant_id, slug, name, structure_types, closure_needs_approval) VALUES
    (tenant, 'homeless-reintegration', '{"el": "Επανένταξη αστέγων", "en": "Homeless reintegration"}',
      '{dormitory,day_centre,housing_programme,social_rental_agency,front_desk,community_centre}', true),
    (tenant, 'gbv-support', '{"el": "Υποστήριξη επιζωσών έμφυλης βίας", "en": "Gender-based-violence support"}',
      '{womens_shelter,womens_centre,front_desk,community_centre}', false),
    (tenant, 'migrant-integration', '{"el": "Ένταξη μεταναστών και προσφύγων", "en": "Migrant integration"}',
      '{front_desk,community_centre,language_courses,integration_programme,refugee_housing,refugee_shelter,solidarity_centre}', false),
    (tenant, 'family-support', '{"el": "Υποστήριξη οικογένειας", "en": "Family support"}',
      '{family_support,womens_centre,roma_centre,front_desk,community_centre}', false),
    (tenant, 'disability-support', '{"el": "Υποστήριξη ατόμων με αναπηρία", "en": "Disability support"}',
      '{day_care_disability,transport,home_care,front_desk,community_centre}', false),
    (tenant, 'general-support', '{"el": "Γενική κοινωνική υποστήριξη", "en": "General social support"}', '{}', false)
  ON CONFLICT (tenant_id, slug) DO NOTHING
$$;
REVOKE ALL ON FUNCTION merimna_seed_case_types(uuid) FROM PUBLIC;
SELECT merimna_seed_case_types(id) FROM tenants;

CREATE FUNCTION merimna_tenant_case_types() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM merimna_seed_case_types(NEW.id);
  RETURN NEW;
END
$$;
CREATE TRIGGER tenants_case_types AFTER INSERT ON tenants FOR EACH ROW EXECUTE FUNCTION merimna_tenant_case_types();

CREATE TABLE cases (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- A case is of a person (stored by the survivor id at opening) or of a household, never both.
  person_id uuid,
  household_id uuid,
  structure_id uuid NOT NULL,
  compartment_id uuid,
  case_type_id uuid NOT NULL,
  assigned_user_id uuid,
  summary text CHECK (length(summary) <= 2000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assessment', 'plan', 'in_service', 'closed')),
  closure_reason text CHECK (closure_reason IN ('goals_met', 'moved_away', 'referred_elsewhere', 'no_contact',
    'declined_services', 'deceased', 'other')),
  closure_outcome text CHECK (closure_outcome IN ('achieved', 'partly_achieved', 'not_achieved', 'unknown')),
  closure_approved_by uuid,
  closure_approved_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  opened_by uuid,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES households (tenant_id, id),
  FOREIGN KEY (tenant_id, structure_id) REFERENCES structures (tenant_id, id),
  FOREIGN KEY (tenant_id, case_type_id) REFERENCES case_types (tenant_id, id),
  FOREIGN KEY (tenant_id, assigned_user_id) REFERENCES users (tenant_id, id),
  CHECK ((person_id IS NULL) <> (household_id IS NULL)),
  CHECK (compartment_id IS NULL OR compartment_id = structure_id),
  -- A closed case has its reason, outcome and date; an active one has none of them.
  CHECK ((status = 'closed') = (closure_reason IS NOT NULL AND closure_outcome IS NOT NULL AND closed_at IS NOT NULL))
);
-- A worker's caseload and a structure's cases, newest first (the keyset order of the lists).
CREATE INDEX cases_assigned ON cases (tenant_id, assigned_user_id, opened_at DESC, id DESC);
CREATE INDEX cases_structure ON cases (tenant_id, structure_id, opened_at DESC, id DESC);
CREATE INDEX cases_person ON cases (tenant_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX cases_household ON cases (tenant_id, household_id) WHERE household_id IS NOT NULL;

CREATE TABLE case_entries (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  compartment_id uuid,
  kind text NOT NULL CHECK (kind IN ('note', 'assessment', 'plan_change', 'referral_event', 'service_delivered',
    'benefit_step', 'document', 'approval', 'status_change')),
  body jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(body) = 'object'),
  sensitivity text CHECK (sensitivity IN ('health', 'gbv', 'migration', 'minor', 'criminal', 'ethnicity')),
  author_user_id uuid,
  -- A correction is a new entry naming the original one; the original stays as it was.
  corrects_id uuid,
  -- The clock, not the transaction's start: two entries of one transaction keep their order.
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, corrects_id) REFERENCES case_entries (tenant_id, id),
  FOREIGN KEY (tenant_id, author_user_id) REFERENCES users (tenant_id, id),
  CHECK (corrects_id IS NULL OR kind = 'note')
);
CREATE INDEX case_entries_timeline ON case_entries (tenant_id, case_id, created_at DESC, id DESC);
CREATE INDEX case_entries_corrects ON case_entries (tenant_id, corrects_id) WHERE corrects_id IS NOT NULL;

-- Nothing on the timeline is changed or deleted, whoever asks (the owner's maintenance included:
-- it would have to drop the trigger, which shows in the migrations).
CREATE FUNCTION merimna_case_entries_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER case_entries_append_only BEFORE UPDATE OR DELETE ON case_entries
  FOR EACH ROW EXECUTE FUNCTION merimna_case_entries_append_only();
CREATE TRIGGER case_entries_no_truncate BEFORE TRUNCATE ON case_entries
  FOR EACH STATEMENT EXECUTE FUNCTION merimna_case_entries_append_only();

CREATE TABLE service_deliveries (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  structure_id uuid NOT NULL,
  compartment_id uuid,
  -- The service's slug in the directory. Not a foreign key: saving a structure replaces its
  -- service rows (new ids), and the log must outlive that; the slug is checked when written.
  service text NOT NULL CHECK (service ~ '^[a-z0-9][a-z0-9_-]{0,79}$'),
  person_id uuid NOT NULL,
  case_id uuid,
  delivered_at timestamptz NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 1000),
  worker_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, structure_id) REFERENCES structures (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, worker_user_id) REFERENCES users (tenant_id, id),
  CHECK (compartment_id IS NULL OR compartment_id = structure_id)
);
-- A structure's day screen and a person's history, newest first.
CREATE INDEX service_deliveries_structure_day ON service_deliveries (tenant_id, structure_id, delivered_at DESC, id DESC);
CREATE INDEX service_deliveries_person ON service_deliveries (tenant_id, person_id, delivered_at DESC, id DESC);
CREATE INDEX service_deliveries_case ON service_deliveries (tenant_id, case_id) WHERE case_id IS NOT NULL;

ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
CREATE POLICY cases_compartment ON cases
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE case_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY case_entries_compartment ON case_entries
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE service_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE service_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY service_deliveries_compartment ON service_deliveries
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));

-- The case tables grow fast too: the statistics refresh (migration 0008) analyses them as well.
CREATE OR REPLACE FUNCTION merimna_refresh_statistics() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  ANALYZE persons;
  ANALYZE person_identifiers;
  ANALYZE registrations;
  ANALYZE person_links;
  ANALYZE match_reviews;
  ANALYZE household_members;
  ANALYZE consents;
  ANALYZE audit_event;
  ANALYZE cases;
  ANALYZE case_entries;
  ANALYZE service_deliveries;
END;
$$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    EXECUTE 'GRANT SELECT ON case_types TO merimna_app';
    EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON case_types FROM merimna_app';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE ON cases, service_deliveries TO merimna_app';
    EXECUTE 'REVOKE DELETE, TRUNCATE ON cases, service_deliveries FROM merimna_app';
    -- The timeline is append-only for the application (and by trigger for everyone).
    EXECUTE 'GRANT SELECT, INSERT ON case_entries TO merimna_app';
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON case_entries FROM merimna_app';
  END IF;
END
$$;
