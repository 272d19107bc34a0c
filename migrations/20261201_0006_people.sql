-- People: identity records, their identifiers and their registrations at structures.
--
-- A person row is what one registration recorded about someone; rows that are the same human
-- share a cluster_id (the id of the surviving row, whose fields are the golden record). Linking
-- and unlinking change cluster_id only, so an unmerge restores every row as it was.
--
-- Confidential structures (the women's shelter) form a compartment: rows registered there carry
-- compartment_id, and row-level security hides them from every transaction that has not set
-- merimna.compartments to include it (platform/auth/scope.ts sets it per transaction from the
-- actor's memberships). A query that forgets its scope still returns no compartment rows.

-- Whether the current transaction may see rows of this compartment (NULL = no compartment).
CREATE FUNCTION merimna_compartment_visible(compartment uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT compartment IS NULL
      OR compartment::text = ANY (string_to_array(coalesce(current_setting('merimna.compartments', true), ''), ','))
$$;

CREATE TABLE persons (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  cluster_id uuid NOT NULL,
  compartment_id uuid,
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 200),
  -- Some people have one name only (common in Afghan registrations): then the family name is empty.
  family_name text NOT NULL CHECK (length(family_name) <= 200),
  given_name_latin text NOT NULL DEFAULT '',
  family_name_latin text NOT NULL DEFAULT '',
  aliases jsonb NOT NULL DEFAULT '[]',
  father_name text,
  mother_name text,
  sex text CHECK (sex IN ('M', 'F')),
  birth_date date,
  birth_date_approximate boolean NOT NULL DEFAULT false,
  -- The year as its own column, so that blocks "surname and year" use one plain index.
  birth_year smallint GENERATED ALWAYS AS (extract(year FROM birth_date)::smallint) STORED,
  nationality text CHECK (nationality ~ '^[A-Z]{2}$'),
  languages text[] NOT NULL DEFAULT '{}',
  legal_status text CHECK (legal_status IN ('citizen', 'eu_citizen', 'recognised_refugee', 'asylum_seeker',
    'third_country_national', 'stateless', 'unknown')),
  phone text,
  email text,
  address text,
  community smallint CHECK (community BETWEEN 1 AND 6),
  disability_percent smallint CHECK (disability_percent BETWEEN 0 AND 100),
  disability_notes text,
  health_notes text,
  gbv_notes text,
  minority text,
  -- Name keys, computed in TypeScript (src/shared/people/names.ts), ASCII for trigram indexes.
  given_key text NOT NULL DEFAULT '',
  family_key text NOT NULL DEFAULT '',
  given_canonical text,
  family_stem text NOT NULL DEFAULT '',
  given_skeleton text NOT NULL DEFAULT '',
  family_skeleton text NOT NULL DEFAULT '',
  father_key text,
  mother_key text,
  name_tokens text[] NOT NULL DEFAULT '{}',
  search_text text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, cluster_id) REFERENCES persons (tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (tenant_id, compartment_id) REFERENCES structures (tenant_id, id)
);
CREATE INDEX persons_cluster ON persons (tenant_id, cluster_id);
CREATE INDEX persons_search_trgm ON persons USING gin (search_text gin_trgm_ops);
CREATE INDEX persons_birth_date ON persons (tenant_id, birth_date);
CREATE INDEX persons_family_stem ON persons (tenant_id, family_stem, birth_year);
CREATE INDEX persons_family_skeleton ON persons (tenant_id, family_skeleton, birth_year);
CREATE INDEX persons_swapped ON persons (tenant_id, given_key, family_key);
-- Byte order for the ASCII keys, whatever the database's collation: the surname-prefix range of the
-- mistyped-surname block relies on it.
CREATE INDEX persons_given_family_prefix ON persons (tenant_id, given_key, family_key COLLATE "C");
CREATE INDEX persons_survivors_by_name ON persons (tenant_id, family_key, given_key, id) WHERE id = cluster_id;

CREATE TABLE person_identifiers (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  compartment_id uuid,
  type text NOT NULL CHECK (type IN ('amka', 'paaypa', 'temp_amka', 'afm', 'id_card', 'passport', 'asylum_card',
    'residence_permit')),
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 40),
  valid boolean NOT NULL,
  problem text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, person_id, type, value),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX person_identifiers_value ON person_identifiers (tenant_id, value, type);
CREATE INDEX person_identifiers_person ON person_identifiers (tenant_id, person_id);

CREATE TABLE registrations (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  structure_id uuid NOT NULL,
  compartment_id uuid,
  source_id text CHECK (length(source_id) BETWEEN 1 AND 100),
  registered_by uuid,
  registered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, person_id, structure_id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, structure_id) REFERENCES structures (tenant_id, id),
  -- A registration at a confidential structure lies in its compartment, and only there.
  CHECK (compartment_id IS NULL OR compartment_id = structure_id)
);
CREATE UNIQUE INDEX registrations_source ON registrations (tenant_id, structure_id, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX registrations_structure ON registrations (tenant_id, structure_id, person_id);
CREATE INDEX registrations_person ON registrations (tenant_id, person_id);

ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE persons FORCE ROW LEVEL SECURITY;
CREATE POLICY persons_compartment ON persons
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE person_identifiers ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_identifiers FORCE ROW LEVEL SECURITY;
CREATE POLICY person_identifiers_compartment ON person_identifiers
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));
ALTER TABLE registrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE registrations FORCE ROW LEVEL SECURITY;
CREATE POLICY registrations_compartment ON registrations
  USING (merimna_compartment_visible(compartment_id)) WITH CHECK (merimna_compartment_visible(compartment_id));

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    EXECUTE 'GRANT SELECT, INSERT, UPDATE ON persons, person_identifiers, registrations TO merimna_app';
    EXECUTE 'GRANT DELETE ON person_identifiers TO merimna_app';
    EXECUTE 'REVOKE DELETE, TRUNCATE ON persons, registrations FROM merimna_app';
    EXECUTE 'GRANT EXECUTE ON FUNCTION merimna_compartment_visible(uuid) TO merimna_app';
  END IF;
END
$$;
CREATE INDEX persons_stem_given ON persons (tenant_id, family_stem, given_key);
