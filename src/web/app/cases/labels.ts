/** The words of the case screens for the closed lists of src/shared/cases (statuses, reasons, kinds). */
import type { SensitivityLabel } from '../../../shared/access.js';
import type { CaseStatus, ClosureOutcome, ClosureReason, EntryKind } from '../../../shared/cases/lists.js';
import type { Translator } from '../../i18n/core.js';
import type { StaffKey, StaffMessages } from '../../i18n/staff/index.js';

type T = Translator<StaffMessages>['t'];

/** "Ανοιχτός", "Αξιολόγηση" … */
export const statusLabel = (t: T, s: CaseStatus) => t(`case.status.${s}` as StaffKey);
/** Why a case closed. */
export const reasonLabel = (t: T, r: ClosureReason) => t(`case.reason.${r}` as StaffKey);
/** How far its goals were reached. */
export const outcomeLabel = (t: T, o: ClosureOutcome) => t(`case.outcome.${o}` as StaffKey);
/** The kind of a timeline entry. */
export const kindLabel = (t: T, k: EntryKind) => t(`timeline.kind.${k}` as StaffKey);
/** A sensitivity label. */
export const sensitivityLabel = (t: T, l: SensitivityLabel) => t(`timeline.sensitivity.${l}` as StaffKey);
