-- Needs assessments from questionnaires configured per case type, individual action plans with
-- goals, actions (the tasks) and reviews, and aid requests recommended by a worker and decided by
-- an approver.
--
-- What belongs to a case at a confidential structure (the women's shelter) lies in its
-- compartment: the same FORCE'd row-level security as the case tables (migration 0009).

-- A questionnaire of a case type. A changed questionnaire is a new version (a new row); an
-- assessment names the version it answered, so old scores keep their meaning.
CREATE TABLE assessment_forms (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9_-]{1,62}$'),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  case_type_id uuid NOT NULL,
  name jsonb NOT NULL,
  -- {"questions": [{"key", "domain", "text": {el, en}, "scale": [{"score", "label": {el, en}}]}]};
  -- checked against ZFormDefinition (src/shared/plans/assessment.ts) whenever the server reads it.
  definition jsonb NOT NULL CHECK (jsonb_typeof(definition -> 'questions') = 'array'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, slug, version),
  FOREIGN KEY (tenant_id, case_type_id) REFERENCES case_types (tenant_id, id)
);

-- One question of the default forms: how things stand in a domain, on the five steps of the
-- self-sufficiency matrix (1 in crisis … 5 self-sufficient).
CREATE FUNCTION merimna_assessment_question(domain text, el text, en text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('key', domain, 'domain', domain, 'text', jsonb_build_object('el', el, 'en', en),
    'scale', '[{"score": 1, "label": {"el": "Σε κρίση", "en": "In crisis"}},
               {"score": 2, "label": {"el": "Ευάλωτη κατάσταση", "en": "Vulnerable"}},
               {"score": 3, "label": {"el": "Σταθερή κατάσταση", "en": "Stable"}},
               {"score": 4, "label": {"el": "Βελτιώνεται", "en": "Building capacity"}},
               {"score": 5, "label": {"el": "Αυτονομία", "en": "Self-sufficient"}}]'::jsonb)
$$;

CREATE FUNCTION merimna_default_questions(domains text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('questions', coalesce(jsonb_agg(q.question ORDER BY array_position(domains, q.domain)), '[]'))
    FROM (VALUES
      ('housing', merimna_assessment_question('housing', 'Στέγαση: πού μένει και πόσο σταθερά;', 'Housing: where does the person live, and how securely?')),
      ('income', merimna_assessment_question('income', 'Εισόδημα: καλύπτει τις βασικές ανάγκες;', 'Income: does it cover basic needs?')),
      ('health', merimna_assessment_question('health', 'Υγεία: πρόσβαση σε φροντίδα και φάρμακα;', 'Health: access to care and medicines?')),
      ('legal_status', merimna_assessment_question('legal_status', 'Νομικό καθεστώς και έγγραφα: σε ισχύ;', 'Legal status and documents: in force?')),
      ('employment', merimna_assessment_question('employment', 'Απασχόληση: εργασία ή κατάρτιση;', 'Employment: work or training?')),
      ('language', merimna_assessment_question('language', 'Γλώσσα: επικοινωνία στα ελληνικά;', 'Language: communication in Greek?')),
      ('childcare', merimna_assessment_question('childcare', 'Φροντίδα παιδιών: σχολείο, παιδικός σταθμός;', 'Childcare: school, nursery?')),
      ('safety', merimna_assessment_question('safety', 'Ασφάλεια: κίνδυνος βίας ή εκμετάλλευσης;', 'Safety: risk of violence or exploitation?'))
    ) AS q(domain, question)
   WHERE q.domain = any(domains)
$$;

-- The default form of each of the six case types of migration 0009, for every tenant now and for
-- every tenant created later (after its case types: the trigger's name sorts after theirs).
CREATE FUNCTION merimna_seed_assessment_forms(tenant uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO assessment_forms (tenant_id, slug, case_type_id, name, definition)
  SELECT tenant, t.slug, t.id, f.name::jsonb, merimna_default_questions(f.domains)
    FROM (VALUES
      ('homeless-reintegration', '{"el": "Αξιολόγηση αναγκών αστέγων", "en": "Homelessness needs assessment"}',
        '{housing,income,health,legal_status,employment,safety}'::text[]),
      ('gbv-support', '{"el": "Αξιολόγηση αναγκών επιζωσών", "en": "Survivor needs assessment"}',
        '{safety,housing,income,health,legal_status,childcare,employment}'::text[]),
      ('migrant-integration', '{"el": "Αξιολόγηση ένταξης", "en": "Integration needs assessment"}',
        '{legal_status,language,housing,employment,income,health,childcare}'::text[]),
      ('family-support', '{"el": "Αξιολόγηση αναγκών οικογένειας", "en": "Family needs assessment"}',
        '{income,housing,childcare,health,employment,safety}'::text[]),
      ('disability-support', '{"el": "Αξιολόγηση αναγκών αναπηρίας", "en": "Disability needs assessment"}',
        '{health,income,housing,employment,safety}'::text[]),
      ('general-support', '{"el": "Γενική αξιολόγηση αναγκών", "en": "General needs assessment"}',
        '{housing,income,health,legal_status,employment,language,childcare,safety}'::text[])
    ) AS f(slug, name, domains)
    JOIN case_types t ON t.tenant_id = tenant AND t.slug = f.slug
  ON CONFLICT (tenant_id, slug, version) DO NOTHING
$$;
REVOKE ALL ON FUNCTION merimna_seed_assessment_forms(uuid) FROM PUBLIC;
SELECT merimna_seed_assessment_forms(id) FROM tenants;

CREATE FUNCTION merimna_tenant_assessment_forms() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM merimna_seed_assessment_forms(NEW.id);
  RETURN NEW;
END
$$;
CREATE TRIGGER tenants_zz_assessment_forms AFTER INSERT ON tenants
  FOR EACH ROW EXECUTE FUNCTION merimna_tenant_assessment_forms();

-- An assessment: the answers to one version of a form, and the scores they give. Never changed;
-- a new assessment is a new row, so the history shows the change.
CREATE TABLE assessments (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  compartment_id uuid,
  form_id uuid NOT NULL,
  form_version integer NOT NULL,
  answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
  -- {"housing": {"score": 2, "max": 5}, …}: computed from the answers when written.
  scores jsonb NOT NULL CHECK (jsonb_typeof(scores) = 'object'),
  total integer NOT NULL CHECK (total >= 0),
  max_total integer NOT NULL CHECK (max_total >= total),
  note text CHECK (length(note) <= 2000),
  assessor_user_id uuid,
  assessed_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, form_id) REFERENCES assessment_forms (tenant_id, id),
  FOREIGN KEY (tenant_id, assessor_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX assessments_case ON assessments (tenant_id, case_id, assessed_on, created_at);

-- The current individual action plan of a case (one per case); `version` for If-Match.
CREATE TABLE action_plans (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  compartment_id uuid,
  version integer NOT NULL DEFAULT 1,
  next_review_on date,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, updated_by) REFERENCES users (tenant_id, id)
);
-- Plans whose review is due (the reminders of the task list).
CREATE INDEX action_plans_review ON action_plans (tenant_id, next_review_on) WHERE next_review_on IS NOT NULL;

CREATE TABLE plan_goals (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  compartment_id uuid,
  position integer NOT NULL,
  domain text NOT NULL CHECK (domain IN ('housing', 'work', 'income', 'health', 'language', 'documents')),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'achieved', 'dropped')),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES action_plans (tenant_id, id)
);
CREATE INDEX plan_goals_plan ON plan_goals (tenant_id, plan_id, position);

-- An action toward a goal; one with a due date is a task, its owner a worker, the person or
-- another structure.
CREATE TABLE plan_actions (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  compartment_id uuid,
  position integer NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  owner_kind text NOT NULL CHECK (owner_kind IN ('worker', 'person', 'structure')),
  owner_user_id uuid,
  owner_person_id uuid,
  owner_structure_id uuid,
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  status_changed_at timestamptz,
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES action_plans (tenant_id, id),
  FOREIGN KEY (tenant_id, goal_id) REFERENCES plan_goals (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_person_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_structure_id) REFERENCES structures (tenant_id, id),
  -- Exactly the reference of the owner's kind.
  CHECK ((owner_kind = 'worker') = (owner_user_id IS NOT NULL)),
  CHECK ((owner_kind = 'person') = (owner_person_id IS NOT NULL)),
  CHECK ((owner_kind = 'structure') = (owner_structure_id IS NOT NULL))
);
CREATE INDEX plan_actions_plan ON plan_actions (tenant_id, plan_id, position);
-- The open tasks by due date: a worker's and a structure's overdue lists read this range.
CREATE INDEX plan_actions_due ON plan_actions (tenant_id, due_on) WHERE status = 'open' AND due_on IS NOT NULL;
CREATE INDEX plan_actions_owner ON plan_actions (tenant_id, owner_user_id, due_on) WHERE status = 'open' AND owner_user_id IS NOT NULL;

-- A periodic review of a plan; never changed.
CREATE TABLE plan_reviews (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  compartment_id uuid,
  reviewed_on date NOT NULL,
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
  next_review_on date CHECK (next_review_on > reviewed_on),
  reviewer_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES action_plans (tenant_id, id),
  FOREIGN KEY (tenant_id, reviewer_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX plan_reviews_plan ON plan_reviews (tenant_id, plan_id, reviewed_on DESC, created_at DESC);

-- The budget lines aid is paid from (the Mutual Aid Fund among them), per tenant.
CREATE TABLE aid_budget_lines (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{1,62}$'),
  name jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (tenant_id, code)
);

CREATE FUNCTION merimna_seed_aid_budget_lines(tenant uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO aid_budget_lines (tenant_id, code, name) VALUES
    (tenant, 'mutual-aid-fund', '{"el": "Ταμείο Αλληλοβοήθειας", "en": "Mutual Aid Fund"}'),
    (tenant, 'emergency-aid', '{"el": "Έκτακτη οικονομική ενίσχυση", "en": "Emergency financial aid"}'),
    (tenant, 'in-kind-donations', '{"el": "Είδη από δωρεές", "en": "Goods from donations"}')
  ON CONFLICT (tenant_id, code) DO NOTHING
$$;
REVOKE ALL ON FUNCTION merimna_seed_aid_budget_lines(uuid) FROM PUBLIC;
SELECT merimna_seed_aid_budget_lines(id) FROM tenants;

CREATE FUNCTION merimna_tenant_aid_budget_lines() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM merimna_seed_aid_budget_lines(NEW.id);
  RETURN NEW;
END
$$;
CREATE TRIGGER tenants_aid_budget_lines AFTER INSERT ON tenants
  FOR EACH ROW EXECUTE FUNCTION merimna_tenant_aid_budget_lines();

-- Cash or in-kind aid: recommended by a worker → approved | rejected by an approver →
-- paid (cash) | handed over (goods), with the date and reference of the payment or handover.
CREATE TABLE aid_requests (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  compartment_id uuid,
  kind text NOT NULL CHECK (kind IN ('cash', 'in_kind')),
  amount_cents integer CHECK (amount_cents BETWEEN 1 AND 100000000),
  goods text CHECK (length(goods) BETWEEN 1 AND 1000),
  budget_line text NOT NULL,
  justification text NOT NULL CHECK (length(justification) BETWEEN 1 AND 4000),
  status text NOT NULL DEFAULT 'recommended'
    CHECK (status IN ('recommended', 'approved', 'rejected', 'paid', 'handed_over')),
  recommended_by uuid NOT NULL,
  recommended_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid,
  decided_at timestamptz,
  decision_note text CHECK (length(decision_note) <= 2000),
  settled_on date,
  settlement_reference text CHECK (length(settlement_reference) BETWEEN 1 AND 200),
  settled_by uuid,
  settled_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, budget_line) REFERENCES aid_budget_lines (tenant_id, code),
  FOREIGN KEY (tenant_id, recommended_by) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, decided_by) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, settled_by) REFERENCES users (tenant_id, id),
  -- Cash has an amount, goods a description.
  CHECK ((kind = 'cash') = (amount_cents IS NOT NULL)),
  CHECK ((kind = 'in_kind') = (goods IS NOT NULL)),
  -- A decided request has its approver; a settled one its date; cash is paid, goods handed over.
  CHECK ((status = 'recommended') = (decided_by IS NULL AND decided_at IS NULL)),
  CHECK ((status IN ('paid', 'handed_over')) = (settled_on IS NOT NULL AND settled_by IS NOT NULL)),
  CHECK (status <> 'paid' OR kind = 'cash'),
  CHECK (status <> 'handed_over' OR kind = 'in_kind'),
  -- Four eyes: nobody approves their own recommendation.
  CHECK (decided_by IS NULL OR decided_by <> recommended_by)
);
CREATE INDEX aid_requests_case ON aid_requests (tenant_id, case_id, recommended_at DESC);
-- The approver's queue and the lists by status, oldest first.
CREATE INDEX aid_requests_status ON aid_requests (tenant_id, status, recommended_at, id);

ALTER TABLE assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY assessments_compartment ON assessments
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE action_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE action_plans FORCE ROW LEVEL SECURITY;
CREATE POLICY action_plans_compartment ON action_plans
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE plan_goals ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_goals FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_goals_compartment ON plan_goals
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE plan_actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_actions FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_actions_compartment ON plan_actions
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE plan_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_reviews_compartment ON plan_reviews
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE aid_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE aid_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY aid_requests_compartment ON aid_requests
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));

-- The statistics refresh (migrations 0008, 0009, 0011) analyses the new tables too.
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
END;
$$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    EXECUTE 'GRANT SELECT ON assessment_forms, aid_budget_lines TO merimna_app';
    EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON assessment_forms, aid_budget_lines FROM merimna_app';
    -- Assessments and reviews are written once and kept.
    EXECUTE 'GRANT SELECT, INSERT ON assessments, plan_reviews TO merimna_app';
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON assessments, plan_reviews FROM merimna_app';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE ON action_plans, aid_requests TO merimna_app';
    EXECUTE 'REVOKE DELETE, TRUNCATE ON action_plans, aid_requests FROM merimna_app';
    -- A plan's goals and actions are replaced as a whole (every version is on the timeline).
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON plan_goals, plan_actions TO merimna_app';
    EXECUTE 'REVOKE TRUNCATE ON plan_goals, plan_actions FROM merimna_app';
  END IF;
END
$$;
