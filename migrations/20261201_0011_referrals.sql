-- Closed-loop referrals: from a structure to another structure or to an outside organisation of
-- the directory, every change an append-only event, and expiring links (only their hashes kept)
-- for organisations that do not use Merimna.
--
-- A referral sent from a confidential structure (the women's shelter) lies in its compartment,
-- and so do its events and links: the same FORCE'd row-level security as the cases tables.

CREATE TABLE referrals (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The person referred, stored by the survivor id at creation (read through the cluster).
  person_id uuid NOT NULL,
  compartment_id uuid,
  sender_structure_id uuid NOT NULL,
  sender_case_id uuid,
  -- The target: an internal structure or an outside organisation, never both.
  target_structure_id uuid,
  target_organisation_id uuid,
  purpose text CHECK (length(purpose) <= 2000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'received', 'accepted', 'declined',
    'waitlisted', 'in_service', 'completed', 'expired', 'cancelled')),
  decline_reason text CHECK (decline_reason IN ('not_eligible', 'no_capacity', 'service_not_offered',
    'could_not_contact', 'person_refused', 'person_moved_away', 'duplicate', 'other')),
  declined_by text CHECK (declined_by IN ('provider', 'person')),
  outcome text CHECK (outcome IN ('service_provided', 'partly_provided', 'not_provided', 'person_withdrew',
    'referred_onward')),
  outcome_note text CHECK (length(outcome_note) <= 2000),
  -- The person's fields shared with the receiver (the minimum by default: names, birth year, contact).
  shared_fields text[] NOT NULL DEFAULT '{givenName,familyName,birthYear,phone,email}',
  -- What allowed sending: the person's consent, or an override with its reason.
  consent_id uuid,
  consent_override_reason text CHECK (length(consent_override_reason) BETWEEN 10 AND 500),
  consent_override_by uuid,
  expires_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, sender_structure_id) REFERENCES structures (tenant_id, id),
  FOREIGN KEY (tenant_id, sender_case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, target_structure_id) REFERENCES structures (tenant_id, id),
  FOREIGN KEY (tenant_id, target_organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (consent_id) REFERENCES consents (id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, consent_override_by) REFERENCES users (tenant_id, id),
  CHECK ((target_structure_id IS NULL) <> (target_organisation_id IS NULL)),
  CHECK (target_structure_id IS DISTINCT FROM sender_structure_id),
  CHECK (compartment_id IS NULL OR compartment_id = sender_structure_id),
  CHECK (cardinality(shared_fields) BETWEEN 1 AND 14),
  -- A completed referral has its outcome; a declined one its reason and who declined; no other has them.
  CHECK ((status = 'completed') = (outcome IS NOT NULL)),
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL AND declined_by IS NOT NULL)),
  -- Nothing leaves the draft without a consent or an override with its reason, a send time and a time limit.
  CHECK (status = 'draft' OR (status = 'cancelled' AND sent_at IS NULL)
    OR (sent_at IS NOT NULL AND expires_at IS NOT NULL AND (consent_id IS NOT NULL OR consent_override_reason IS NOT NULL))),
  CHECK ((consent_override_reason IS NULL) = (consent_override_by IS NULL))
);
-- The outbox and the inbox, newest first (the keyset order of the lists), and the sweep of the overdue.
CREATE INDEX referrals_sender ON referrals (tenant_id, sender_structure_id, created_at DESC, id DESC);
CREATE INDEX referrals_target_structure ON referrals (tenant_id, target_structure_id, created_at DESC, id DESC)
  WHERE target_structure_id IS NOT NULL;
CREATE INDEX referrals_target_organisation ON referrals (tenant_id, target_organisation_id, created_at DESC, id DESC)
  WHERE target_organisation_id IS NOT NULL;
CREATE INDEX referrals_person ON referrals (tenant_id, person_id);
CREATE INDEX referrals_overdue ON referrals (tenant_id, expires_at) WHERE status IN ('sent', 'received', 'waitlisted');

CREATE TABLE referral_events (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL,
  compartment_id uuid,
  from_status text,
  to_status text NOT NULL,
  actor_user_id uuid,
  -- A username, 'external link' or 'system'.
  actor_label text NOT NULL,
  via text NOT NULL CHECK (via IN ('staff', 'link', 'system')),
  reason text,
  note text CHECK (length(note) <= 2000),
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, referral_id) REFERENCES referrals (tenant_id, id),
  FOREIGN KEY (tenant_id, actor_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX referral_events_referral ON referral_events (tenant_id, referral_id, at, id);

CREATE FUNCTION merimna_referral_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'referral_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER referral_events_append_only BEFORE UPDATE OR DELETE ON referral_events
  FOR EACH ROW EXECUTE FUNCTION merimna_referral_events_append_only();
CREATE TRIGGER referral_events_no_truncate BEFORE TRUNCATE ON referral_events
  FOR EACH STATEMENT EXECUTE FUNCTION merimna_referral_events_append_only();

-- A secure link for an outside organisation: one referral, an expiry, and only the SHA-256 of
-- the token (the token itself is shown once, to the sender).
CREATE TABLE referral_links (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL,
  compartment_id uuid,
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (token_hash),
  FOREIGN KEY (tenant_id, referral_id) REFERENCES referrals (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX referral_links_referral ON referral_links (tenant_id, referral_id);

-- The time limit of a target, where it is not the default (MERIMNA_REFERRAL_EXPIRY_DAYS).
CREATE TABLE referral_time_limits (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  target_structure_id uuid,
  target_organisation_id uuid,
  days integer NOT NULL CHECK (days BETWEEN 1 AND 365),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, target_structure_id),
  UNIQUE (tenant_id, target_organisation_id),
  FOREIGN KEY (tenant_id, target_structure_id) REFERENCES structures (tenant_id, id),
  FOREIGN KEY (tenant_id, target_organisation_id) REFERENCES organisations (tenant_id, id),
  CHECK ((target_structure_id IS NULL) <> (target_organisation_id IS NULL))
);

ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
CREATE POLICY referrals_compartment ON referrals
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE referral_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_events FORCE ROW LEVEL SECURITY;
CREATE POLICY referral_events_compartment ON referral_events
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE referral_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_links FORCE ROW LEVEL SECURITY;
CREATE POLICY referral_links_compartment ON referral_links
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));

-- The referral tables are analysed with the others (migrations 0008 and 0009 list the rest).
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
END;
$$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    EXECUTE 'GRANT SELECT, INSERT, UPDATE ON referrals, referral_links TO merimna_app';
    EXECUTE 'REVOKE DELETE, TRUNCATE ON referrals, referral_links FROM merimna_app';
    -- The events are append-only for the application (and by trigger for everyone).
    EXECUTE 'GRANT SELECT, INSERT ON referral_events TO merimna_app';
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON referral_events FROM merimna_app';
    EXECUTE 'GRANT SELECT ON referral_time_limits TO merimna_app';
    EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON referral_time_limits FROM merimna_app';
  END IF;
END
$$;
