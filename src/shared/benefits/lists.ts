/**
 * The closed lists of benefit applications and documents, and the rules on them, without Zod, so
 * that the staff screens can import them without the schema library.
 */

/** The state benefits a structure files on a person's behalf. */
export const BENEFIT_TYPES = ['minimum_income', 'housing_allowance', 'disability_allowance', 'child_benefit', 'other'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

/** Where an application stands. */
export const BENEFIT_STATUSES = [
  'preparing',
  'submitted',
  'more_documents_requested',
  'approved',
  'rejected',
  'under_appeal',
] as const;
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];

/**
 * The legal moves: preparing → submitted → more documents requested → submitted … → approved or
 * rejected; a rejection may be appealed, and the appeal is approved or rejected. An approved
 * benefit is renewed by a new application.
 */
export const BENEFIT_TRANSITIONS: Readonly<Record<BenefitStatus, readonly BenefitStatus[]>> = {
  preparing: ['submitted'],
  submitted: ['more_documents_requested', 'approved', 'rejected'],
  more_documents_requested: ['submitted'],
  approved: [],
  rejected: ['under_appeal'],
  under_appeal: ['approved', 'rejected'],
};

/** The moves open from a status. */
export function benefitMoves(from: BenefitStatus): readonly BenefitStatus[] {
  return BENEFIT_TRANSITIONS[from];
}

/** The statuses that carry a decision (its day, and for approval the monthly amount). */
export const DECISIONS: readonly BenefitStatus[] = ['approved', 'rejected'];

/** The file types a document may be, detected from its content. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** What a document is about. */
export const DOCUMENT_CATEGORIES = ['identity', 'income', 'housing', 'health', 'legal', 'benefit', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
