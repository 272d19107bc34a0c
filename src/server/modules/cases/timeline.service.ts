import type { z } from 'zod';
import type { SensitivityLabel } from '../../../shared/access.js';
import { CORRECTION_WINDOW_HOURS, SYSTEM_ENTRY_KINDS } from '../../../shared/cases/lists.js';
import type { TEntry, TEntryCreate, TTimelineQuery, ZEntryCorrect } from '../../../shared/cases/timeline.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, conflict, notFound } from '../../platform/http/problem.js';
import { actAudited, caseForActor, caseRefused } from './cases.access.js';
import { caseEvent } from './cases.service.js';
import { decodeCursor, pageOf } from './cursor.js';
import * as repo from './timeline.repo.js';

/** An entry as the API shows it. */
function present(r: repo.EntryRow): TEntry {
  return {
    id: r.id,
    kind: r.kind,
    body: r.body,
    sensitivity: r.sensitivity,
    author:
      r.author_user_id !== null
        ? { id: r.author_user_id, username: r.author_username ?? '', displayName: r.author_display_name ?? '' }
        : null,
    createdAt: r.created_at,
    corrects: r.corrects_id,
    current: !r.superseded,
  };
}

/** Refuses a label the writer is not cleared for: a worker cannot write what they could not read back. */
function refuseUncleared(label: SensitivityLabel | null | undefined, actor: Actor): void {
  if (label && !actor.clearances.has(label)) {
    throw new ProblemError(403, 'problem.forbidden.title', 'problem.field_not_cleared.detail', {
      errors: [{ field: 'body.sensitivity', code: 'not_cleared' }],
    });
  }
}

/**
 * A page of a case's timeline, newest first. Entries with a label the reader is not cleared for
 * are left out and counted as `hidden`; the read is one audit row naming how many were shown.
 */
export async function timeline(db: Db, audit: AuditContext, actor: Actor, caseId: string, q: TTimelineQuery) {
  const after = decodeCursor(q.cursor);
  return actAudited(db, audit, actor, async (tx) => {
    const found = await caseForActor(tx, audit, actor, caseId, 'case.read');
    if (!found) throw caseRefused(caseId, 'case.read');
    const cleared = [...actor.clearances];
    const rows = await repo.listEntries(tx, audit.tenantId, { caseId, kind: q.kind ?? null, cleared, after, limit: q.limit });
    const { page, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.pos, id: r.id }));
    const hidden = await repo.hiddenCount(tx, audit.tenantId, caseId, q.kind ?? null, cleared);
    await recordAudit(tx, audit, [
      caseEvent('case.timeline_read', found.row, {
        changes: { entries: page.length, hidden },
        ...(found.access === 'break-glass' ? { reason: 'break-glass' } : {}),
      }),
    ]);
    return { items: page.map(present), hidden, nextCursor };
  });
}

/** The case locked for a new entry: in the writer's scope for case.update, and not closed. */
async function caseToWrite(tx: Db, audit: AuditContext, actor: Actor, caseId: string) {
  const found = await caseForActor(tx, audit, actor, caseId, 'case.update', { lock: true });
  if (!found) throw caseRefused(caseId, 'case.update');
  if (found.row.status === 'closed') throw conflict('problem.case_closed.detail');
  return found.row;
}

async function entryOf(tx: Db, tenantId: string, caseId: string, id: string): Promise<TEntry> {
  const row = await repo.findEntry(tx, tenantId, caseId, id);
  if (!row) throw new Error('entry not found after writing it');
  return present(row);
}

/** A worker writes a step on an active case's timeline (the system kinds come from their own routes: 422). */
export async function addEntry(db: Db, audit: AuditContext, actor: Actor, caseId: string, input: TEntryCreate) {
  return actAudited(db, audit, actor, async (tx) => {
    const row = await caseToWrite(tx, audit, actor, caseId);
    if (SYSTEM_ENTRY_KINDS.includes(input.kind)) {
      throw new ProblemError(422, 'problem.validation.title', 'problem.system_entry_kind.detail', {
        errors: [{ field: 'body.kind', code: 'system_kind' }],
      });
    }
    refuseUncleared(input.sensitivity, actor);
    const [id = ''] = await repo.insertEntries(tx, audit.tenantId, [
      {
        caseId,
        compartmentId: row.compartment_id,
        kind: input.kind,
        body: { text: input.text },
        sensitivity: input.sensitivity ?? null,
        authorUserId: actor.userId,
      },
    ]);
    await recordAudit(tx, audit, [caseEvent('case.entry_added', row, { changes: { entry: id, kind: input.kind } })]);
    return entryOf(tx, audit.tenantId, caseId, id);
  });
}

/**
 * A new version of a note, by its author, within 24 hours of the note's first version; the
 * history keeps every version (the correction names the first one). Only the latest version can
 * be corrected (409 otherwise), so two corrections cannot both build on one version.
 */
export async function correctEntry(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  caseId: string,
  entryId: string,
  input: z.infer<typeof ZEntryCorrect>,
) {
  return actAudited(db, audit, actor, async (tx) => {
    const row = await caseToWrite(tx, audit, actor, caseId);
    const entry = await repo.findEntry(tx, audit.tenantId, caseId, entryId);
    // An entry the reader may not see is answered as one that does not exist.
    if (!entry || (entry.sensitivity !== null && !actor.clearances.has(entry.sensitivity))) {
      throw notFound('problem.entry_not_found.detail');
    }
    if (entry.kind !== 'note') throw conflict('problem.not_a_note.detail');
    if (entry.author_user_id !== actor.userId) {
      throw new ProblemError(403, 'problem.forbidden.title', 'problem.not_author.detail');
    }
    const first = entry.corrects_id ?? entry.id;
    const age = entry.corrects_id ? await repo.firstVersionAge(tx, audit.tenantId, first) : entry.age_seconds;
    if (age === undefined || age > CORRECTION_WINDOW_HOURS * 3600) throw conflict('problem.correction_window.detail');
    if (entry.superseded) throw conflict('problem.not_latest_version.detail');
    const sensitivity = input.sensitivity === undefined ? entry.sensitivity : input.sensitivity;
    refuseUncleared(sensitivity, actor);
    const [id = ''] = await repo.insertEntries(tx, audit.tenantId, [
      {
        caseId,
        compartmentId: row.compartment_id,
        kind: 'note',
        body: { text: input.text },
        sensitivity,
        authorUserId: actor.userId,
        correctsId: first,
      },
    ]);
    await recordAudit(tx, audit, [caseEvent('case.entry_corrected', row, { changes: { entry: id, corrects: first } })]);
    return entryOf(tx, audit.tenantId, caseId, id);
  });
}

/** Writes the service_delivered entries of deliveries made under cases, in the caller's transaction. */
export async function appendDeliveryEntries(
  tx: Db,
  tenantId: string,
  actor: Actor,
  entries: { caseId: string; compartmentId: string | null; deliveryId: string; service: string; quantity: number; at: string }[],
): Promise<void> {
  await repo.insertEntries(
    tx,
    tenantId,
    entries.map((e) => ({
      caseId: e.caseId,
      compartmentId: e.compartmentId,
      kind: 'service_delivered' as const,
      body: { delivery: e.deliveryId, service: e.service, quantity: e.quantity, deliveredAt: e.at },
      sensitivity: null,
      authorUserId: actor.userId,
    })),
  );
}
