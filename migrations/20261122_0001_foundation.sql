-- Merimna foundation: tenants and the directory (organisations, funding programmes, structures, services).
-- Forward-only: never edit this file once merged; add a new migration instead.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A tenant is the organisation that runs this Merimna (a municipality or a consortium);
-- every row of an organisation's data carries tenant_id, the future distribution column.
CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE,
  name jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisations (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('municipality', 'partner_municipality', 'development_company', 'ngo', 'public_agency', 'counselling_centre')),
  name jsonb NOT NULL,
  short_name text,
  website text,
  phone text,
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, slug),
  UNIQUE (tenant_id, id)
);

CREATE TABLE funding_programmes (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  name jsonb NOT NULL,
  funder text NOT NULL,
  budget_eur numeric(14, 2),
  period_start date,
  period_end date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, code),
  UNIQUE (tenant_id, id)
);

CREATE TABLE structures (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL,
  organisation_id uuid NOT NULL,
  type text NOT NULL,
  name jsonb NOT NULL,
  summary jsonb NOT NULL,
  description jsonb NOT NULL,
  audience jsonb NOT NULL,
  community smallint CHECK (community BETWEEN 1 AND 6),
  confidential boolean NOT NULL DEFAULT false,
  address jsonb,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  opening_hours jsonb NOT NULL DEFAULT '[]',
  hours_note jsonb,
  phones text[] NOT NULL DEFAULT '{}',
  email text,
  languages text[] NOT NULL DEFAULT '{}',
  funding_programme_id uuid,
  capacity jsonb NOT NULL DEFAULT '[]',
  mechanics text[] NOT NULL DEFAULT '{}',
  domain_row smallint,
  name_search text NOT NULL DEFAULT '',
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, slug),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, funding_programme_id) REFERENCES funding_programmes (tenant_id, id)
);

CREATE TABLE services (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  structure_id uuid NOT NULL,
  slug text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  name jsonb NOT NULL,
  description jsonb NOT NULL,
  needs text[] NOT NULL DEFAULT '{}',
  eligibility jsonb,
  documents jsonb NOT NULL DEFAULT '[]',
  cost jsonb,
  languages text[] NOT NULL DEFAULT '{}',
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, slug),
  FOREIGN KEY (tenant_id, structure_id) REFERENCES structures (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX structures_search_trgm ON structures USING gin (search_text gin_trgm_ops);
CREATE INDEX structures_community ON structures (tenant_id, community);
CREATE INDEX structures_languages ON structures USING gin (languages);
CREATE INDEX services_search_trgm ON services USING gin (search_text gin_trgm_ops);
CREATE INDEX services_structure ON services (tenant_id, structure_id, position);
CREATE INDEX services_needs ON services USING gin (needs);
CREATE INDEX organisations_search_trgm ON organisations USING gin (search_text gin_trgm_ops);
