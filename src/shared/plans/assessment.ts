/** Needs assessments and their questionnaires, as the API and the staff screens exchange them. */
import { z } from 'zod';
import { ZLocalizedText } from '../localized.js';
import { isRealDate } from '../people/person.js';
import { ASSESSMENT_DOMAINS, type AssessmentDomain } from './lists.js';

export { ASSESSMENT_DOMAINS } from './lists.js';

const ZSlug = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,62}$/);
/** A calendar day, YYYY-MM-DD. */
export const ZDay = z.string().refine(isRealDate, { message: 'a real date, YYYY-MM-DD' });

/** One question of a form: about one domain, answered by choosing a step of its scale. */
export const ZQuestion = z.object({
  key: ZSlug.describe('the answer’s key in `answers`'),
  domain: z.enum(ASSESSMENT_DOMAINS).describe('the domain the score counts toward'),
  text: ZLocalizedText.describe('the question'),
  scale: z
    .array(z.object({ score: z.number().int().min(0).max(100), label: ZLocalizedText }))
    .min(2)
    .max(11)
    .describe('the steps to choose from, each with its score'),
});

/** A questionnaire's definition, as stored (validated JSON): its questions, keys unique. */
export const ZFormDefinition = z
  .object({ questions: z.array(ZQuestion).min(1).max(100) })
  .refine((d) => new Set(d.questions.map((q) => q.key)).size === d.questions.length, {
    message: 'question keys are unique',
    path: ['questions'],
  });
export type TFormDefinition = z.infer<typeof ZFormDefinition>;

/** A questionnaire configured for a case type. */
export const ZAssessmentForm = z.object({
  slug: z.string(),
  version: z.number().int().describe('assessments name the version they answered'),
  caseType: z.string().describe('slug of the case type the form is for'),
  name: ZLocalizedText,
  questions: z.array(ZQuestion),
});
export type TAssessmentForm = z.infer<typeof ZAssessmentForm>;

/** Filters of the form list. */
export const ZAssessmentFormQuery = z
  .object({ type: ZSlug.optional().describe('only the forms of this case type (slug)') })
  .strict();

/** The score of one domain: the sum of its questions’ scores, and the most it could be. */
export const ZDomainScore = z.object({ domain: z.enum(ASSESSMENT_DOMAINS), score: z.number().int(), max: z.number().int() });
export type TDomainScore = z.infer<typeof ZDomainScore>;

/** A needs assessment of a case. */
export const ZAssessment = z.object({
  id: z.uuid(),
  form: z.object({ slug: z.string(), version: z.number().int() }),
  /** The step chosen for each question, by question key. */
  answers: z.record(z.string(), z.number().int()),
  scores: z.array(ZDomainScore),
  total: z.number().int(),
  maxTotal: z.number().int(),
  note: z.string().nullable(),
  assessor: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }).nullable(),
  assessedOn: z.string().describe('the day of the assessment, YYYY-MM-DD'),
  createdAt: z.string(),
});
export type TAssessment = z.infer<typeof ZAssessment>;

/** Recording an assessment: every question of the form answered with a score of its scale. */
export const ZAssessmentCreate = z
  .object({
    form: ZSlug.optional().describe('slug of the form; the current form of the case’s type when left out'),
    answers: z
      .record(ZSlug, z.number().int().min(0).max(100))
      .describe('the score chosen for each question, by question key; every question is answered'),
    assessedOn: ZDay.optional().describe('the day of the assessment, YYYY-MM-DD; today when left out, never in the future'),
    note: z.string().trim().max(2000).optional().describe('a word on the assessment'),
  })
  .strict();
export type TAssessmentCreate = z.infer<typeof ZAssessmentCreate>;

/** The assessments of a case, oldest first. */
export const ZAssessmentList = z.object({ items: z.array(ZAssessment) });

/** One point of a domain's history. */
export const ZScorePoint = z.object({
  assessment: z.uuid(),
  assessedOn: z.string(),
  score: z.number().int(),
  max: z.number().int(),
});

/** How the scores of a case changed over its assessments, per domain and in total. */
export const ZScoreHistory = z.object({
  domains: z.array(
    z.object({
      domain: z.enum(ASSESSMENT_DOMAINS),
      points: z.array(ZScorePoint).describe('oldest first'),
      change: z.number().int().describe('the latest score less the first (positive: better)'),
    }),
  ),
  totals: z.array(ZScorePoint).describe('the total of each assessment, oldest first'),
});
export type TScoreHistory = z.infer<typeof ZScoreHistory>;

/** What is wrong with answers to a form, by question key: missing, unknown, or a score not on the scale. */
export interface AnswerProblem {
  key: string;
  code: 'required' | 'unknown_question' | 'not_on_scale';
}

/** Checks answers against a form and scores them per domain (in the form's order of domains). */
export function scoreAnswers(
  form: TFormDefinition,
  answers: Record<string, number>,
): { problems: AnswerProblem[]; scores: TDomainScore[]; total: number; maxTotal: number } {
  const problems: AnswerProblem[] = [];
  const byDomain = new Map<AssessmentDomain, TDomainScore>();
  const keys = new Set(form.questions.map((q) => q.key));
  for (const key of Object.keys(answers)) if (!keys.has(key)) problems.push({ key, code: 'unknown_question' });
  for (const q of form.questions) {
    const d = byDomain.get(q.domain) ?? { domain: q.domain, score: 0, max: 0 };
    byDomain.set(q.domain, d);
    d.max += Math.max(...q.scale.map((s) => s.score));
    const answer = answers[q.key];
    if (answer === undefined) problems.push({ key: q.key, code: 'required' });
    else if (!q.scale.some((s) => s.score === answer)) problems.push({ key: q.key, code: 'not_on_scale' });
    else d.score += answer;
  }
  const scores = [...byDomain.values()];
  return {
    problems,
    scores,
    total: scores.reduce((n, s) => n + s.score, 0),
    maxTotal: scores.reduce((n, s) => n + s.max, 0),
  };
}

/** The history of scores per domain from assessments oldest first; a domain appears once it was assessed. */
export function scoreHistory(
  items: readonly { id: string; assessedOn: string; scores: readonly TDomainScore[]; total: number; maxTotal: number }[],
): TScoreHistory {
  const domains = new Map<AssessmentDomain, z.infer<typeof ZScorePoint>[]>();
  for (const a of items) {
    for (const s of a.scores) {
      const points = domains.get(s.domain) ?? [];
      domains.set(s.domain, points);
      points.push({ assessment: a.id, assessedOn: a.assessedOn, score: s.score, max: s.max });
    }
  }
  return {
    domains: ASSESSMENT_DOMAINS.filter((d) => domains.has(d)).map((domain) => {
      const points = domains.get(domain) ?? [];
      const first = points[0]?.score ?? 0;
      const last = points[points.length - 1]?.score ?? 0;
      return { domain, points, change: last - first };
    }),
    totals: items.map((a) => ({ assessment: a.id, assessedOn: a.assessedOn, score: a.total, max: a.maxTotal })),
  };
}
