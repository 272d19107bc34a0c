import { sql, type SQL } from 'drizzle-orm';
import type { TLocalizedText } from '../../../shared/localized.js';
import type {
  DeclineReason,
  DeclinedBy,
  ReferralOutcome,
  ReferralStatus,
  ShareableField,
} from '../../../shared/referrals/machine.js';
import { sqlRows, type Db } from '../../platform/db/database.js';
import type { Position } from '../cases/index.js';

/** Timestamps as the API shows them, and with microseconds for the keyset cursors. */
const ISO = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const POS = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** The person's fields a referral can share, read from the current record of the cluster. */
export interface PersonFields {
  given_name: string | null;
  family_name: string | null;
  birth_year: number | null;
  phone: string | null;
  email: string | null;
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  father_name: string | null;
  mother_name: string | null;
  nationality: string | null;
  languages: string[] | null;
  address: string | null;
  legal_status: string | null;
  disability_percent: number | null;
}

/** A referral with the names the API shows beside it and what the reader may do with it. */
export interface ReferralRow extends PersonFields {
  id: string;
  person_id: string;
  current_person_id: string | null;
  compartment_id: string | null;
  sender_structure_id: string;
  sender_organisation_id: string;
  sender_slug: string;
  sender_name: TLocalizedText;
  sender_case_id: string | null;
  target_structure_id: string | null;
  target_organisation_id: string | null;
  target_slug: string;
  target_name: TLocalizedText;
  purpose: string | null;
  status: ReferralStatus;
  decline_reason: DeclineReason | null;
  declined_by: DeclinedBy | null;
  outcome: ReferralOutcome | null;
  outcome_note: string | null;
  shared_fields: ShareableField[];
  consent_id: string | null;
  consent_override_reason: string | null;
  expires_at: string | null;
  sent_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  pos: string;
  /** The reader's side and rights (computed from the scopes given to the query). */
  is_sender: boolean;
  is_receiver: boolean;
  can_send: boolean;
  can_respond: boolean;
}

/** The reader's scopes, as SQL conditions on the referral `r`. */
export interface Scopes {
  senderRead: SQL;
  receiverRead: SQL;
  send: SQL;
  respond: SQL;
}

const select = (s: Scopes) => sql`select r.id, r.person_id, q.id as current_person_id, r.compartment_id,
    r.sender_structure_id, ss.organisation_id as sender_organisation_id, ss.slug as sender_slug, ss.name as sender_name,
    r.sender_case_id, r.target_structure_id, r.target_organisation_id,
    coalesce(ts.slug, o.slug) as target_slug, coalesce(ts.name, o.name) as target_name,
    r.purpose, r.status, r.decline_reason, r.declined_by, r.outcome, r.outcome_note, r.shared_fields,
    r.consent_id, r.consent_override_reason, ${ISO('r.expires_at')} as expires_at, ${ISO('r.sent_at')} as sent_at,
    r.version, ${ISO('r.created_at')} as created_at, ${ISO('r.updated_at')} as updated_at, ${POS('r.created_at')} as pos,
    q.given_name, q.family_name, q.birth_year, q.phone, q.email, to_char(q.birth_date, 'YYYY-MM-DD') as birth_date, q.sex,
    q.father_name, q.mother_name, q.nationality, q.languages, q.address, q.legal_status, q.disability_percent,
    coalesce(${s.senderRead}, false) as is_sender, coalesce(${s.receiverRead}, false) as is_receiver,
    coalesce(${s.send}, false) as can_send, coalesce(${s.respond}, false) as can_respond
  from referrals r
  join structures ss on ss.tenant_id = r.tenant_id and ss.id = r.sender_structure_id
  left join structures ts on ts.tenant_id = r.tenant_id and ts.id = r.target_structure_id
  left join organisations o on o.tenant_id = r.tenant_id and o.id = r.target_organisation_id
  left join persons p on p.tenant_id = r.tenant_id and p.id = r.person_id
  left join persons q on q.tenant_id = p.tenant_id and q.id = p.cluster_id`;

/** One referral by id if the reader may see it from either side; `lock` holds it until the transaction ends. */
export async function findReferral(
  db: Db,
  tenantId: string,
  id: string,
  s: Scopes,
  lock = false,
): Promise<ReferralRow | undefined> {
  const [row] = await sqlRows<ReferralRow>(
    db,
    sql`${select(s)} where r.tenant_id = ${tenantId} and r.id = ${id} and (${s.senderRead} or ${s.receiverRead})
        ${lock ? sql`for update of r` : sql``}`,
  );
  return row;
}

/** Filters of a referral list. */
export interface ReferralFilters {
  box: 'inbox' | 'outbox' | null;
  status: ReferralStatus | null;
  structureId: string | null;
  after: Position | null;
  limit: number;
}

/** Referrals the reader sees on the chosen side, newest first, one more than the limit. */
export async function listReferrals(db: Db, tenantId: string, s: Scopes, f: ReferralFilters): Promise<ReferralRow[]> {
  const where: SQL[] = [sql`r.tenant_id = ${tenantId}`];
  if (f.box === 'inbox') where.push(s.receiverRead);
  else if (f.box === 'outbox') where.push(s.senderRead);
  else where.push(sql`(${s.senderRead} or ${s.receiverRead})`);
  if (f.status) where.push(sql`r.status = ${f.status}`);
  if (f.structureId) {
    const id = f.structureId;
    if (f.box === 'inbox') where.push(sql`r.target_structure_id = ${id}`);
    else if (f.box === 'outbox') where.push(sql`r.sender_structure_id = ${id}`);
    else where.push(sql`(r.target_structure_id = ${id} or r.sender_structure_id = ${id})`);
  }
  if (f.after) where.push(sql`(r.created_at, r.id) < (${f.after.at}::timestamptz, ${f.after.id}::uuid)`);
  return sqlRows<ReferralRow>(
    db,
    sql`${select(s)} where ${sql.join(where, sql` and `)} order by r.created_at desc, r.id desc limit ${f.limit + 1}`,
  );
}

/** A structure by slug or id, with what decides where its referrals live. */
export async function findStructure(
  db: Db,
  tenantId: string,
  idOrSlug: string,
): Promise<{ id: string; organisationId: string; confidential: boolean } | undefined> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const [row] = await sqlRows<{ id: string; organisationId: string; confidential: boolean }>(
    db,
    sql`select id, organisation_id as "organisationId", confidential from structures
         where tenant_id = ${tenantId} and ${byId ? sql`id = ${idOrSlug}::uuid` : sql`slug = ${idOrSlug}`}`,
  );
  return row;
}

/** An organisation of the directory by slug. */
export async function findOrganisation(db: Db, tenantId: string, slug: string): Promise<{ id: string } | undefined> {
  const [row] = await sqlRows<{ id: string }>(
    db,
    sql`select id from organisations where tenant_id = ${tenantId} and slug = ${slug}`,
  );
  return row;
}

/** The ids of the tenant's confidential structures (the compartments). */
export async function confidentialStructures(db: Db, tenantId: string): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    db,
    sql`select id from structures where tenant_id = ${tenantId} and confidential order by id`,
  );
  return rows.map((r) => r.id);
}

/** The time limit of a target in days, where it has its own. */
export async function timeLimitDays(
  db: Db,
  tenantId: string,
  target: { structureId: string | null; organisationId: string | null },
): Promise<number | undefined> {
  const [row] = await sqlRows<{ days: number }>(
    db,
    sql`select days from referral_time_limits where tenant_id = ${tenantId}
         and ${target.structureId ? sql`target_structure_id = ${target.structureId}` : sql`target_organisation_id = ${target.organisationId}`}`,
  );
  return row?.days;
}

/**
 * The most recent active case of the person's cluster at a structure (the receiver's case), as
 * row-level security lets the transaction see it.
 */
export async function activeCaseAt(
  db: Db,
  tenantId: string,
  personId: string,
  structureId: string,
): Promise<{ id: string; compartment_id: string | null } | undefined> {
  const [row] = await sqlRows<{ id: string; compartment_id: string | null }>(
    db,
    sql`select c.id, c.compartment_id from cases c
         where c.tenant_id = ${tenantId} and c.structure_id = ${structureId} and c.status <> 'closed'
           and c.person_id in (select m.id from persons m where m.tenant_id = ${tenantId} and m.cluster_id =
                 (select p.cluster_id from persons p where p.tenant_id = ${tenantId} and p.id = ${personId}))
         order by c.opened_at desc, c.id desc limit 1`,
  );
  return row;
}

/** A case's structure, compartment and whether its person is of the cluster of `personId`. */
export async function caseOf(
  db: Db,
  tenantId: string,
  caseId: string,
  personId: string,
): Promise<{ structure_id: string; compartment_id: string | null; same_person: boolean } | undefined> {
  const [row] = await sqlRows<{ structure_id: string; compartment_id: string | null; same_person: boolean }>(
    db,
    sql`select c.structure_id, c.compartment_id,
               coalesce((select a.cluster_id = b.cluster_id from persons a, persons b
                          where a.tenant_id = ${tenantId} and a.id = c.person_id
                            and b.tenant_id = ${tenantId} and b.id = ${personId}), false) as same_person
          from cases c where c.tenant_id = ${tenantId} and c.id = ${caseId}`,
  );
  return row;
}

/** A new referral's columns. */
export interface NewReferral {
  personId: string;
  compartmentId: string | null;
  senderStructureId: string;
  senderCaseId: string | null;
  targetStructureId: string | null;
  targetOrganisationId: string | null;
  purpose: string | null;
  sharedFields: readonly ShareableField[];
  createdBy: string;
}

/** Creates a draft; returns its id. */
export async function insertReferral(tx: Db, tenantId: string, r: NewReferral): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into referrals (tenant_id, person_id, compartment_id, sender_structure_id, sender_case_id,
          target_structure_id, target_organisation_id, purpose, shared_fields, created_by)
        values (${tenantId}, ${r.personId}, ${r.compartmentId}, ${r.senderStructureId}, ${r.senderCaseId},
          ${r.targetStructureId}, ${r.targetOrganisationId}, ${r.purpose}, ${sql.param([...r.sharedFields])}::text[],
          ${r.createdBy})
        returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** What a change of a referral sets; every change takes the next version. */
export interface ReferralChange {
  purpose?: string | null;
  sharedFields?: readonly ShareableField[];
  senderCaseId?: string | null;
  status?: ReferralStatus;
  declineReason?: DeclineReason;
  declinedBy?: DeclinedBy;
  outcome?: ReferralOutcome;
  outcomeNote?: string | null;
  /** Sending: the basis and the time limit. */
  sent?: { consentId: string | null; override: { reason: string; by: string } | null; days: number };
}

/** Changes a referral and takes its version one up. */
export async function updateReferral(tx: Db, tenantId: string, id: string, c: ReferralChange): Promise<void> {
  const set: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
  if (c.purpose !== undefined) set.push(sql`purpose = ${c.purpose}`);
  if (c.sharedFields !== undefined) set.push(sql`shared_fields = ${sql.param([...c.sharedFields])}::text[]`);
  if (c.senderCaseId !== undefined) set.push(sql`sender_case_id = ${c.senderCaseId}`);
  if (c.status !== undefined) set.push(sql`status = ${c.status}`);
  if (c.declineReason !== undefined) set.push(sql`decline_reason = ${c.declineReason}`);
  if (c.declinedBy !== undefined) set.push(sql`declined_by = ${c.declinedBy}`);
  if (c.outcome !== undefined) set.push(sql`outcome = ${c.outcome}`);
  if (c.outcomeNote !== undefined) set.push(sql`outcome_note = ${c.outcomeNote}`);
  if (c.sent) {
    set.push(
      sql`sent_at = now()`,
      sql`expires_at = now() + make_interval(days => ${c.sent.days}::int)`,
      sql`consent_id = ${c.sent.consentId}`,
      sql`consent_override_reason = ${c.sent.override?.reason ?? null}`,
      sql`consent_override_by = ${c.sent.override?.by ?? null}`,
    );
  }
  await tx.execute(sql`update referrals set ${sql.join(set, sql`, `)} where tenant_id = ${tenantId} and id = ${id}`);
}

/** A referral the sweep moved to expired, with what its timeline entries need. */
export interface ExpiredRow {
  id: string;
  from_status: ReferralStatus;
  person_id: string;
  compartment_id: string | null;
  sender_structure_id: string;
  sender_case_id: string | null;
  target_structure_id: string | null;
}

/** Moves overdue referrals (time limit passed, receiver undecided) to expired; rows others hold locked are left for later. */
export async function expireOverdue(tx: Db, tenantId: string, ids: string[] | null): Promise<ExpiredRow[]> {
  return sqlRows<ExpiredRow>(
    tx,
    sql`with due as (
          select id, status from referrals
           where tenant_id = ${tenantId} and status in ('sent', 'received', 'waitlisted') and expires_at <= now()
             ${ids ? sql`and id = any(${sql.param(ids)}::uuid[])` : sql``}
           for update skip locked)
        update referrals r set status = 'expired', version = r.version + 1, updated_at = now()
          from due where r.tenant_id = ${tenantId} and r.id = due.id
        returning r.id, due.status as from_status, r.person_id, r.compartment_id, r.sender_structure_id,
          r.sender_case_id, r.target_structure_id`,
  );
}
