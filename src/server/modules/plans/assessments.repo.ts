import { sql } from 'drizzle-orm';
import type { TLocalizedText } from '../../../shared/localized.js';
import type { TDomainScore } from '../../../shared/plans/assessment.js';
import { sqlRows, type Db } from '../../platform/db/database.js';
import { DAY, ISO } from './plans.access.js';

/** A questionnaire as stored; `definition` is checked by the service. */
export interface FormRow {
  id: string;
  slug: string;
  version: number;
  case_type_id: string;
  type_slug: string;
  name: TLocalizedText;
  definition: unknown;
}

const FORM = sql`select f.id, f.slug, f.version, f.case_type_id, t.slug as type_slug, f.name, f.definition
  from assessment_forms f join case_types t on t.tenant_id = f.tenant_id and t.id = f.case_type_id`;

/** The current (latest active) version of each form, of one case type or of all. */
export async function listForms(db: Db, tenantId: string, typeSlug: string | null): Promise<FormRow[]> {
  return sqlRows<FormRow>(
    db,
    sql`select distinct on (f.slug) f.id, f.slug, f.version, f.case_type_id, t.slug as type_slug, f.name, f.definition
          from assessment_forms f join case_types t on t.tenant_id = f.tenant_id and t.id = f.case_type_id
         where f.tenant_id = ${tenantId} and f.active ${typeSlug ? sql`and t.slug = ${typeSlug}` : sql``}
         order by f.slug, f.version desc`,
  );
}

/** The current version of a form of a case type: the one named, or the type's only or first one. */
export async function currentForm(
  db: Db,
  tenantId: string,
  caseTypeId: string,
  slug: string | null,
): Promise<FormRow | undefined> {
  const [row] = await sqlRows<FormRow>(
    db,
    sql`${FORM} where f.tenant_id = ${tenantId} and f.case_type_id = ${caseTypeId} and f.active
          ${slug ? sql`and f.slug = ${slug}` : sql``}
        order by (f.slug = t.slug) desc, f.slug, f.version desc limit 1`,
  );
  return row;
}

/** An assessment with its form and assessor. */
export interface AssessmentRow {
  id: string;
  form_slug: string;
  form_version: number;
  answers: Record<string, number>;
  scores: Record<string, { score: number; max: number }>;
  total: number;
  max_total: number;
  note: string | null;
  assessor_user_id: string | null;
  assessor_username: string | null;
  assessor_display_name: string | null;
  assessed_on: string;
  created_at: string;
}

/** The assessments of a case, oldest first (by day, then by when written). */
export async function listAssessments(db: Db, tenantId: string, caseId: string): Promise<AssessmentRow[]> {
  return sqlRows<AssessmentRow>(
    db,
    sql`select a.id, f.slug as form_slug, a.form_version, a.answers, a.scores, a.total, a.max_total, a.note,
               a.assessor_user_id, u.username as assessor_username, u.display_name as assessor_display_name,
               ${DAY('a.assessed_on')} as assessed_on, ${ISO('a.created_at')} as created_at
          from assessments a
          join assessment_forms f on f.tenant_id = a.tenant_id and f.id = a.form_id
          left join users u on u.tenant_id = a.tenant_id and u.id = a.assessor_user_id
         where a.tenant_id = ${tenantId} and a.case_id = ${caseId}
         order by a.assessed_on, a.created_at, a.id`,
  );
}

/** Records an assessment; returns its id. */
export async function insertAssessment(
  tx: Db,
  tenantId: string,
  a: {
    caseId: string;
    compartmentId: string | null;
    formId: string;
    formVersion: number;
    answers: Record<string, number>;
    scores: TDomainScore[];
    total: number;
    maxTotal: number;
    note: string | null;
    assessorUserId: string;
    assessedOn: string;
  },
): Promise<string> {
  const scores = Object.fromEntries(a.scores.map((s) => [s.domain, { score: s.score, max: s.max }]));
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into assessments (tenant_id, case_id, compartment_id, form_id, form_version, answers, scores, total, max_total,
          note, assessor_user_id, assessed_on)
        values (${tenantId}, ${a.caseId}, ${a.compartmentId}, ${a.formId}, ${a.formVersion}, ${JSON.stringify(a.answers)}::jsonb,
          ${JSON.stringify(scores)}::jsonb, ${a.total}, ${a.maxTotal}, ${a.note}, ${a.assessorUserId}, ${a.assessedOn}::date)
        returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}
