import {
  ASSESSMENT_DOMAINS,
  ZFormDefinition,
  scoreAnswers,
  scoreHistory,
  type TAssessment,
  type TAssessmentCreate,
  type TAssessmentForm,
  type TFormDefinition,
  type TScoreHistory,
} from '../../../shared/plans/assessment.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, conflict } from '../../platform/http/problem.js';
import { actAudited, insertEntries, invalidField } from '../cases/index.js';
import * as repo from './assessments.repo.js';
import { caseAudit, caseFor, entryOf, pastOrToday } from './plans.access.js';

/** A stored definition, checked: a form that does not parse is a fault of the configuration, not of the caller. */
function definitionOf(row: repo.FormRow): TFormDefinition {
  const parsed = ZFormDefinition.safeParse(row.definition);
  if (!parsed.success) throw new Error(`assessment form ${row.slug} v${row.version} has an invalid definition`);
  return parsed.data;
}

function presentForm(row: repo.FormRow): TAssessmentForm {
  return { slug: row.slug, version: row.version, caseType: row.type_slug, name: row.name, ...definitionOf(row) };
}

function present(r: repo.AssessmentRow): TAssessment {
  return {
    id: r.id,
    form: { slug: r.form_slug, version: r.form_version },
    answers: r.answers,
    scores: ASSESSMENT_DOMAINS.flatMap((domain) => {
      const s = r.scores[domain];
      return s ? [{ domain, score: s.score, max: s.max }] : [];
    }),
    total: r.total,
    maxTotal: r.max_total,
    note: r.note,
    assessor:
      r.assessor_user_id !== null
        ? { id: r.assessor_user_id, username: r.assessor_username ?? '', displayName: r.assessor_display_name ?? '' }
        : null,
    assessedOn: r.assessed_on,
    createdAt: r.created_at,
  };
}

/** The current questionnaires, of one case type or of all (configuration: no personal data, not audited). */
export async function listForms(db: Db, tenantId: string, type: string | undefined): Promise<{ items: TAssessmentForm[] }> {
  const rows = await repo.listForms(db, tenantId, type ?? null);
  return { items: rows.map(presentForm) };
}

/**
 * Records a needs assessment of a case the actor may update: every question of the form (the
 * current form of the case's type unless one is named) answered with a step of its scale. The
 * scores are computed here and kept; the assessment is an `assessment` entry on the timeline.
 */
export async function recordAssessment(db: Db, audit: AuditContext, actor: Actor, caseId: string, input: TAssessmentCreate) {
  return actAudited(db, audit, actor, async (tx) => {
    const { row: c } = await caseFor(tx, audit, actor, caseId, 'case.update');
    if (c.status === 'closed') throw conflict('problem.case_closed.detail');
    const form = await repo.currentForm(tx, audit.tenantId, c.case_type_id, input.form ?? null);
    if (!form) throw invalidField('body.form', 'unknown_reference', 'problem.assessment_form_not_found.detail');
    const assessedOn = pastOrToday(input.assessedOn, 'body.assessedOn');
    const scored = scoreAnswers(definitionOf(form), input.answers);
    if (scored.problems.length > 0) {
      throw new ProblemError(422, 'problem.validation.title', 'problem.assessment_answers.detail', {
        errors: scored.problems.map((p) => ({ field: `body.answers.${p.key}`, code: p.code })),
      });
    }
    const id = await repo.insertAssessment(tx, audit.tenantId, {
      caseId: c.id,
      compartmentId: c.compartment_id,
      formId: form.id,
      formVersion: form.version,
      answers: input.answers,
      scores: scored.scores,
      total: scored.total,
      maxTotal: scored.maxTotal,
      note: input.note ?? null,
      assessorUserId: actor.userId,
      assessedOn,
    });
    await insertEntries(tx, audit.tenantId, [
      entryOf(c, actor, 'assessment', {
        assessment: id,
        form: form.slug,
        formVersion: form.version,
        assessedOn,
        total: scored.total,
        maxTotal: scored.maxTotal,
        scores: Object.fromEntries(scored.scores.map((s) => [s.domain, s.score])),
      }),
    ]);
    await recordAudit(tx, audit, [caseAudit('assessment.recorded', c, 'assessment', id, { changes: { case: c.id } })]);
    const item = (await repo.listAssessments(tx, audit.tenantId, c.id)).find((a) => a.id === id);
    if (!item) throw new Error('assessment not found after writing it');
    return present(item);
  });
}

/** The assessments of a case the actor may read, oldest first; one audit row for the case. */
export async function listAssessments(db: Db, audit: AuditContext, actor: Actor, caseId: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const { row: c, breakGlass } = await caseFor(tx, audit, actor, caseId, 'case.read');
    const rows = await repo.listAssessments(tx, audit.tenantId, c.id);
    await recordAudit(tx, audit, [caseAudit('assessment.list', c, 'case', c.id, breakGlass ? { reason: 'break-glass' } : {})]);
    return { items: rows.map(present) };
  });
}

/** How the scores of a case changed over its assessments, per domain and in total. */
export async function scoresOf(db: Db, audit: AuditContext, actor: Actor, caseId: string): Promise<TScoreHistory> {
  return actAudited(db, audit, actor, async (tx) => {
    const { row: c, breakGlass } = await caseFor(tx, audit, actor, caseId, 'case.read');
    const rows = (await repo.listAssessments(tx, audit.tenantId, c.id)).map(present);
    await recordAudit(tx, audit, [
      caseAudit('assessment.scores_read', c, 'case', c.id, breakGlass ? { reason: 'break-glass' } : {}),
    ]);
    return scoreHistory(rows);
  });
}
