-- Benefit applications filed on a person's behalf (with the documents checklist of each type),
-- and documents attached to a case or a person.
--
-- What is filed or uploaded at a confidential structure (the women's shelter), or belongs to a
-- case or person of its compartment, lies in that compartment: the same FORCE'd row-level
-- security as the case tables (migration 0009).

-- The documents a type of benefit asks for, per tenant (data, not code: a municipality edits it).
CREATE TABLE benefit_checklist_items (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  benefit_type text NOT NULL
    CHECK (benefit_type IN ('minimum_income', 'housing_allowance', 'disability_allowance', 'child_benefit', 'other')),
  key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9_-]{1,62}$'),
  position integer NOT NULL,
  label jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (tenant_id, benefit_type, key)
);

CREATE FUNCTION merimna_seed_benefit_checklists(tenant uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO benefit_checklist_items (tenant_id, benefit_type, key, position, label)
  SELECT tenant, c.benefit_type, c.key, c.position, c.label::jsonb
    FROM (VALUES
      ('minimum_income', 'id-document', 1, '{"el": "Ταυτότητα ή διαβατήριο", "en": "Identity card or passport"}'),
      ('minimum_income', 'tax-return', 2, '{"el": "Εκκαθαριστικό εφορίας (Ε1)", "en": "Tax assessment (E1)"}'),
      ('minimum_income', 'e9-property', 3, '{"el": "Δήλωση ακινήτων (Ε9)", "en": "Property statement (E9)"}'),
      ('minimum_income', 'bank-account', 4, '{"el": "Στοιχεία τραπεζικού λογαριασμού (IBAN)", "en": "Bank account (IBAN)"}'),
      ('minimum_income', 'residence-proof', 5, '{"el": "Αποδεικτικό κατοικίας ή βεβαίωση αστέγου", "en": "Proof of residence or homelessness certificate"}'),
      ('housing_allowance', 'id-document', 1, '{"el": "Ταυτότητα ή άδεια διαμονής", "en": "Identity card or residence permit"}'),
      ('housing_allowance', 'lease', 2, '{"el": "Μισθωτήριο κατοικίας", "en": "Residential lease"}'),
      ('housing_allowance', 'tax-return', 3, '{"el": "Εκκαθαριστικό εφορίας (Ε1)", "en": "Tax assessment (E1)"}'),
      ('housing_allowance', 'bank-account', 4, '{"el": "Στοιχεία τραπεζικού λογαριασμού (IBAN)", "en": "Bank account (IBAN)"}'),
      ('disability_allowance', 'id-document', 1, '{"el": "Ταυτότητα", "en": "Identity card"}'),
      ('disability_allowance', 'kepa-decision', 2, '{"el": "Γνωμάτευση ΚΕΠΑ σε ισχύ", "en": "KEPA disability certificate in force"}'),
      ('disability_allowance', 'amka', 3, '{"el": "ΑΜΚΑ", "en": "Social security number (AMKA)"}'),
      ('disability_allowance', 'bank-account', 4, '{"el": "Στοιχεία τραπεζικού λογαριασμού (IBAN)", "en": "Bank account (IBAN)"}'),
      ('child_benefit', 'id-document', 1, '{"el": "Ταυτότητα γονέα", "en": "Parent’s identity card"}'),
      ('child_benefit', 'family-status', 2, '{"el": "Πιστοποιητικό οικογενειακής κατάστασης", "en": "Family status certificate"}'),
      ('child_benefit', 'tax-return', 3, '{"el": "Εκκαθαριστικό εφορίας (Ε1)", "en": "Tax assessment (E1)"}'),
      ('child_benefit', 'school-certificate', 4, '{"el": "Βεβαίωση φοίτησης τέκνων", "en": "Children’s school certificates"}'),
      ('other', 'id-document', 1, '{"el": "Ταυτότητα ή διαβατήριο", "en": "Identity card or passport"}')
    ) AS c(benefit_type, key, position, label)
  ON CONFLICT (tenant_id, benefit_type, key) DO NOTHING
$$;
REVOKE ALL ON FUNCTION merimna_seed_benefit_checklists(uuid) FROM PUBLIC;
SELECT merimna_seed_benefit_checklists(id) FROM tenants;

CREATE FUNCTION merimna_tenant_benefit_checklists() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM merimna_seed_benefit_checklists(NEW.id);
  RETURN NEW;
END
$$;
CREATE TRIGGER tenants_benefit_checklists AFTER INSERT ON tenants
  FOR EACH ROW EXECUTE FUNCTION merimna_tenant_benefit_checklists();

-- An application for a state benefit, filed by a structure on a person's behalf:
-- preparing → submitted → more_documents_requested → submitted … → approved | rejected;
-- rejected → under_appeal → approved | rejected (src/shared/benefits/lists.ts).
CREATE TABLE benefit_applications (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  case_id uuid,
  structure_id uuid NOT NULL,
  compartment_id uuid,
  benefit_type text NOT NULL
    CHECK (benefit_type IN ('minimum_income', 'housing_allowance', 'disability_allowance', 'child_benefit', 'other')),
  description text CHECK (length(description) BETWEEN 1 AND 500),
  status text NOT NULL DEFAULT 'preparing'
    CHECK (status IN ('preparing', 'submitted', 'more_documents_requested', 'approved', 'rejected', 'under_appeal')),
  submitted_on date,
  reference_number text CHECK (length(reference_number) BETWEEN 1 AND 100),
  decided_on date,
  monthly_amount_cents integer CHECK (monthly_amount_cents BETWEEN 0 AND 100000000),
  renewal_on date,
  note text CHECK (length(note) <= 4000),
  created_by uuid NOT NULL,
  updated_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, structure_id) REFERENCES structures (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, updated_by) REFERENCES users (tenant_id, id),
  -- Past preparing, an application has been submitted on a day; a decided one has its day.
  CHECK (status = 'preparing' OR submitted_on IS NOT NULL),
  CHECK (status NOT IN ('approved', 'rejected') OR decided_on IS NOT NULL),
  CHECK (decided_on IS NULL OR submitted_on IS NULL OR decided_on >= submitted_on)
);
CREATE INDEX benefit_applications_structure ON benefit_applications (tenant_id, structure_id, created_at DESC, id DESC);
CREATE INDEX benefit_applications_person ON benefit_applications (tenant_id, person_id, created_at DESC);
-- The reminders: approved benefits whose renewal or expiry comes near.
CREATE INDEX benefit_applications_renewal ON benefit_applications (tenant_id, renewal_on)
  WHERE renewal_on IS NOT NULL AND status = 'approved';

-- The checklist ticked per application (one row per item ticked or unticked).
CREATE TABLE benefit_checklist_marks (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  application_id uuid NOT NULL,
  item_key text NOT NULL,
  compartment_id uuid,
  done boolean NOT NULL,
  note text CHECK (length(note) <= 500),
  marked_by uuid NOT NULL,
  marked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, application_id, item_key),
  FOREIGN KEY (tenant_id, application_id) REFERENCES benefit_applications (tenant_id, id),
  FOREIGN KEY (tenant_id, marked_by) REFERENCES users (tenant_id, id)
);

-- A document attached to a case or to a person: its bytes in the database for now (bytea), the
-- type detected from its content, its SHA-256. Never deleted by the application; withdrawn.
CREATE TABLE documents (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid,
  person_id uuid,
  structure_id uuid,
  compartment_id uuid,
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  title text CHECK (length(title) BETWEEN 1 AND 200),
  category text NOT NULL DEFAULT 'other'
    CHECK (category IN ('identity', 'income', 'housing', 'health', 'legal', 'benefit', 'other')),
  sensitivity text CHECK (sensitivity IN ('health', 'gbv', 'migration', 'minor', 'criminal', 'ethnicity')),
  uploaded_by uuid NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  withdrawn_at timestamptz,
  withdrawn_by uuid,
  withdrawal_reason text CHECK (length(withdrawal_reason) BETWEEN 1 AND 500),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, structure_id) REFERENCES structures (tenant_id, id),
  FOREIGN KEY (tenant_id, uploaded_by) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, withdrawn_by) REFERENCES users (tenant_id, id),
  CHECK (num_nonnulls(case_id, person_id) = 1),
  CHECK (size_bytes = octet_length(content)),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX documents_case ON documents (tenant_id, case_id, uploaded_at DESC) WHERE case_id IS NOT NULL;
CREATE INDEX documents_person ON documents (tenant_id, person_id, uploaded_at DESC) WHERE person_id IS NOT NULL;

-- A document's bytes, checksum and attachment never change, and a withdrawal is not undone.
CREATE FUNCTION merimna_documents_keep() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'documents are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.content IS DISTINCT FROM OLD.content OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.person_id IS DISTINCT FROM OLD.person_id
     OR NEW.media_type IS DISTINCT FROM OLD.media_type OR NEW.compartment_id IS DISTINCT FROM OLD.compartment_id
     OR (OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at) THEN
    RAISE EXCEPTION 'a document''s content and attachment never change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER documents_keep BEFORE UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION merimna_documents_keep();

ALTER TABLE benefit_applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE benefit_applications FORCE ROW LEVEL SECURITY;
CREATE POLICY benefit_applications_compartment ON benefit_applications
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE benefit_checklist_marks ENABLE ROW LEVEL SECURITY;
ALTER TABLE benefit_checklist_marks FORCE ROW LEVEL SECURITY;
CREATE POLICY benefit_checklist_marks_compartment ON benefit_checklist_marks
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY documents_compartment ON documents
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));

-- The statistics refresh (migrations 0008, 0009, 0011, 0012) analyses the new tables too.
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
  ANALYZE referrals;
  ANALYZE referral_events;
  ANALYZE referral_links;
  ANALYZE assessments;
  ANALYZE action_plans;
  ANALYZE plan_goals;
  ANALYZE plan_actions;
  ANALYZE plan_reviews;
  ANALYZE aid_requests;
  ANALYZE benefit_applications;
  ANALYZE benefit_checklist_marks;
  ANALYZE documents;
END;
$$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    EXECUTE 'GRANT SELECT ON benefit_checklist_items TO merimna_app';
    EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON benefit_checklist_items FROM merimna_app';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE ON benefit_applications, benefit_checklist_marks TO merimna_app';
    EXECUTE 'REVOKE DELETE, TRUNCATE ON benefit_applications, benefit_checklist_marks FROM merimna_app';
    -- Documents: written once; only the withdrawal columns may change, and nothing is deleted.
    EXECUTE 'GRANT SELECT, INSERT ON documents TO merimna_app';
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON documents FROM merimna_app';
    EXECUTE 'GRANT UPDATE (withdrawn_at, withdrawn_by, withdrawal_reason) ON documents TO merimna_app';
  END IF;
END
$$;
