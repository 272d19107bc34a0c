import { sql } from 'drizzle-orm';
import type { TLocalizedText } from '../../../shared/localized.js';
import type { CONSENT_PURPOSES, LAWFUL_BASES } from '../../../shared/people/registry.js';
import { sqlRows, type Db } from '../../platform/db/database.js';

/** What a consent is for. */
export type Purpose = (typeof CONSENT_PURPOSES)[number];
/** GDPR article 6 lawful basis. */
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** A consent with its person's cluster and its recipient's public names. */
export interface ConsentRow {
  id: string;
  person_id: string;
  purpose: Purpose;
  lawful_basis: LawfulBasis;
  given_at: string;
  expires_at: string | null;
  withdrawn_at: string | null;
  note: string | null;
  recipient_slug: string | null;
  recipient_name: TLocalizedText | null;
}

const SELECT = sql`select c.id, q.cluster_id as person_id, c.purpose, c.lawful_basis,
    to_char(c.given_at, 'YYYY-MM-DD') as given_at, to_char(c.expires_at, 'YYYY-MM-DD') as expires_at,
    to_char(c.withdrawn_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as withdrawn_at, c.note,
    o.slug as recipient_slug, o.name as recipient_name
  from consents c
  join persons q on q.tenant_id = c.tenant_id and q.id = c.person_id
  left join organisations o on o.tenant_id = c.tenant_id and o.id = c.recipient_organisation_id`;

/** The consents recorded for any row of a cluster, newest first. */
export async function consentsOfCluster(db: Db, tenantId: string, clusterId: string): Promise<ConsentRow[]> {
  return sqlRows<ConsentRow>(
    db,
    sql`${SELECT} where c.tenant_id = ${tenantId} and q.cluster_id = ${clusterId}
        order by c.given_at desc, c.created_at desc, c.id`,
  );
}

/** One consent (row-level security hides other compartments). */
export async function findConsent(db: Db, tenantId: string, id: string): Promise<ConsentRow | undefined> {
  const [row] = await sqlRows<ConsentRow>(db, sql`${SELECT} where c.tenant_id = ${tenantId} and c.id = ${id}`);
  return row;
}

/** A consent's person row and whether it is withdrawn, locked until the transaction ends. */
export async function lockConsent(
  tx: Db,
  tenantId: string,
  id: string,
): Promise<{ person_id: string; withdrawn: boolean } | undefined> {
  const [row] = await sqlRows<{ person_id: string; withdrawn: boolean }>(
    tx,
    sql`select person_id, withdrawn_at is not null as withdrawn from consents
         where tenant_id = ${tenantId} and id = ${id} for update`,
  );
  return row;
}

/** An organisation's id by slug. */
export async function organisationIdBySlug(db: Db, tenantId: string, slug: string): Promise<string | undefined> {
  const [row] = await sqlRows<{ id: string }>(
    db,
    sql`select id from organisations where tenant_id = ${tenantId} and slug = ${slug}`,
  );
  return row?.id;
}

/** Records a consent; returns its id. */
export async function insertConsent(
  tx: Db,
  tenantId: string,
  c: {
    personId: string;
    compartmentId: string | null;
    purpose: Purpose;
    recipientOrganisationId: string | null;
    lawfulBasis: LawfulBasis;
    givenAt: string;
    expiresAt: string | null;
    note: string | null;
    recordedBy: string;
  },
): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into consents (tenant_id, person_id, compartment_id, purpose, recipient_organisation_id, lawful_basis,
          given_at, expires_at, note, recorded_by)
        values (${tenantId}, ${c.personId}, ${c.compartmentId}, ${c.purpose}, ${c.recipientOrganisationId}, ${c.lawfulBasis},
          ${c.givenAt}::date, ${c.expiresAt}::date, ${c.note}, ${c.recordedBy})
        returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Marks a consent withdrawn now (it stays on record). */
export async function withdrawConsent(tx: Db, tenantId: string, id: string): Promise<void> {
  await tx.execute(
    sql`update consents set withdrawn_at = now() where tenant_id = ${tenantId} and id = ${id} and withdrawn_at is null`,
  );
}

/**
 * Whether any row of the person's cluster has a consent for the purpose that is in force on
 * `today` (given, not expired, not withdrawn) and covers the recipient: one given to that
 * organisation, or one with no recipient ("any within the municipality") when the recipient is
 * the municipality itself or none is named.
 */
export async function hasActiveConsent(
  db: Db,
  tenantId: string,
  personId: string,
  purpose: Purpose,
  recipientOrganisationId: string | null,
  today: string,
): Promise<boolean> {
  return (await activeConsentId(db, tenantId, personId, purpose, recipientOrganisationId, today)) !== null;
}

/** The id of such a consent (hasActiveConsent), one given to the recipient by name first; null when there is none. */
export async function activeConsentId(
  db: Db,
  tenantId: string,
  personId: string,
  purpose: Purpose,
  recipientOrganisationId: string | null,
  today: string,
): Promise<string | null> {
  const withinMunicipality =
    recipientOrganisationId === null
      ? sql`true`
      : sql`exists (select 1 from organisations o
                     where o.tenant_id = ${tenantId} and o.id = ${recipientOrganisationId} and o.kind = 'municipality')`;
  const rows = await sqlRows<{ id: string }>(
    db,
    sql`select c.id from consents c join persons q on q.tenant_id = c.tenant_id and q.id = c.person_id
         where c.tenant_id = ${tenantId}
           and q.cluster_id = (select p.cluster_id from persons p where p.tenant_id = ${tenantId} and p.id = ${personId})
           and c.purpose = ${purpose} and c.withdrawn_at is null
           and c.given_at <= ${today}::date and (c.expires_at is null or c.expires_at >= ${today}::date)
           and (${recipientOrganisationId === null ? sql`false` : sql`c.recipient_organisation_id = ${recipientOrganisationId}`}
                or (c.recipient_organisation_id is null and ${withinMunicipality}))
         order by c.recipient_organisation_id is null, c.given_at desc
         limit 1`,
  );
  return rows[0]?.id ?? null;
}
