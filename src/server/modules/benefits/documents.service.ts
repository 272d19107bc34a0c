import { createHash } from 'node:crypto';
import type { Permission, SensitivityLabel } from '../../../shared/access.js';
import type { TDocument } from '../../../shared/benefits/benefit.js';
import type { DocumentCategory } from '../../../shared/benefits/lists.js';
import { recordAudit, type AuditContext, type AuditEvent } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, conflict, notFound } from '../../platform/http/problem.js';
import { Refusal, actAudited, caseForActor, caseRefused, insertEntries } from '../cases/index.js';
import { personForActor } from '../people/index.js';
import { personRefused } from './benefits.access.js';
import * as repo from './documents.repo.js';
import { detectFileType } from './file-type.js';

/** What an upload carries besides its bytes. */
export interface UploadMeta {
  title: string | null;
  category: DocumentCategory;
  sensitivity: SensitivityLabel | null;
}

/** Where a document is attached: a case or a person. */
export type Owner = { kind: 'case'; id: string } | { kind: 'person'; id: string };

function present(r: repo.DocumentRow): TDocument {
  return {
    id: r.id,
    case: r.case_id,
    person: r.person_id,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    title: r.title,
    category: r.category,
    sensitivity: r.sensitivity,
    uploadedBy: { id: r.uploaded_by, username: r.uploader_username, displayName: r.uploader_display_name },
    uploadedAt: r.uploaded_at,
    withdrawn: r.withdrawn_at !== null ? { at: r.withdrawn_at, reason: r.withdrawal_reason } : null,
  };
}

const cleared = (actor: Actor, r: { sensitivity: SensitivityLabel | null }) =>
  r.sensitivity === null || actor.clearances.has(r.sensitivity);

/** The case or person a document is attached to, if the actor may act on it with the permissions; its audit fields. */
async function ownerFor(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  owner: Owner,
  permission: { case: Permission; person: Permission },
  refuse: () => Refusal,
): Promise<{
  caseId: string | null;
  personId: string | null;
  structureId: string | null;
  compartmentId: string | null;
  current: string | null;
}> {
  const reading = permission.case === 'case.read';
  if (owner.kind === 'case') {
    const found = await caseForActor(tx, audit, actor, owner.id, permission.case);
    if (!found || (!reading && found.access !== 'scope')) throw refuse();
    const c = found.row;
    return {
      caseId: c.id,
      personId: null,
      structureId: c.structure_id,
      compartmentId: c.compartment_id,
      current: c.current_person_id,
    };
  }
  const found = await personForActor(tx, audit, actor, owner.id, permission.person);
  if (!found || (!reading && found.access !== 'scope')) throw refuse();
  return {
    caseId: null,
    personId: found.row.id,
    structureId: actor.currentStructureId,
    compartmentId: found.row.compartment_id,
    current: found.row.id,
  };
}

const PERMS = {
  read: { case: 'case.read', person: 'person.read' },
  write: { case: 'case.update', person: 'person.update' },
} as const;

const ownerRefused = (owner: Owner, write: boolean) =>
  owner.kind === 'case'
    ? caseRefused(owner.id, write ? 'case.update' : 'case.read')
    : personRefused(owner.id, write ? 'person.update' : 'person.read');

function event(
  action: AuditEvent['action'],
  id: string,
  o: { structureId: string | null; current: string | null },
  extra: Partial<AuditEvent> = {},
): AuditEvent {
  return {
    action,
    entityType: 'document',
    entityId: id,
    ...(o.current ? { personId: o.current } : {}),
    ...(o.structureId ? { structureId: o.structureId } : {}),
    ...extra,
  };
}

/**
 * Stores a document on a case (case.update) or a person (person.update) the actor may change,
 * after finding them (404 otherwise): the type is detected from the bytes (415 for anything but
 * PDF, PNG, JPEG or WebP), the SHA-256 kept. On a case it is a `document` entry on the timeline,
 * labelled as the document is. A writer labels only with clearances they hold (403).
 */
export async function uploadDocument(db: Db, audit: AuditContext, actor: Actor, owner: Owner, body: unknown, meta: UploadMeta) {
  return actAudited(db, audit, actor, async (tx) => {
    const o = await ownerFor(tx, audit, actor, owner, PERMS.write, () => ownerRefused(owner, true));
    const bytes = Buffer.isBuffer(body) ? body : null;
    const mediaType = bytes ? detectFileType(bytes) : null;
    if (!bytes || !mediaType) {
      throw new ProblemError(415, 'problem.unsupported_media.title', 'problem.document_type.detail');
    }
    if (meta.sensitivity !== null && !actor.clearances.has(meta.sensitivity)) {
      throw new ProblemError(403, 'problem.forbidden.title', 'problem.field_not_cleared.detail', {
        errors: [{ field: 'query.sensitivity', code: 'not_cleared' }],
      });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const id = await repo.insertDocument(tx, audit.tenantId, {
      caseId: o.caseId,
      personId: o.personId,
      structureId: o.structureId,
      compartmentId: o.compartmentId,
      mediaType,
      sha256,
      content: bytes,
      title: meta.title,
      category: meta.category,
      sensitivity: meta.sensitivity,
      userId: actor.userId,
    });
    if (o.caseId !== null) {
      await insertEntries(tx, audit.tenantId, [
        {
          caseId: o.caseId,
          compartmentId: o.compartmentId,
          kind: 'document',
          body: { document: id, mediaType, sizeBytes: bytes.length, category: meta.category },
          sensitivity: meta.sensitivity,
          authorUserId: actor.userId,
        },
      ]);
    }
    const row = await repo.findDocument(tx, audit.tenantId, id);
    if (!row) throw new Error('document not found after writing it');
    await recordAudit(tx, audit, [event('document.uploaded', id, o, { changes: { mediaType, sizeBytes: bytes.length } })]);
    return present(row);
  });
}

/** The documents of a case or person the actor may read, newest first; those labelled beyond the reader's clearances are counted, not shown. */
export async function listDocuments(db: Db, audit: AuditContext, actor: Actor, owner: Owner) {
  return actAudited(db, audit, actor, async (tx) => {
    const o = await ownerFor(tx, audit, actor, owner, PERMS.read, () => ownerRefused(owner, false));
    const rows = await repo.listDocuments(
      tx,
      audit.tenantId,
      o.caseId !== null ? { caseId: o.caseId } : { clusterId: o.personId ?? owner.id },
    );
    const visible = rows.filter((r) => cleared(actor, r));
    await recordAudit(
      tx,
      audit,
      visible.map((r) => event('document.list', r.id, o)),
    );
    return { items: visible.map(present), hidden: rows.length - visible.length };
  });
}

/** The document if the actor may read (or change) what it is attached to and is cleared for its label; else 404, audited. */
async function documentFor(tx: Db, audit: AuditContext, actor: Actor, id: string, write: boolean) {
  const permission: Permission = write ? 'case.update' : 'case.read';
  const refuse = () => new Refusal(notFound('problem.document_not_found.detail'), 'document', [id], permission);
  const row = await repo.findDocument(tx, audit.tenantId, id, write);
  if (!row || !cleared(actor, row)) throw refuse();
  const owner: Owner = row.case_id !== null ? { kind: 'case', id: row.case_id } : { kind: 'person', id: row.person_id ?? '' };
  const o = await ownerFor(tx, audit, actor, owner, write ? PERMS.write : PERMS.read, refuse);
  return { row, o };
}

/** One document's metadata; audited as a read. */
export async function getDocument(db: Db, audit: AuditContext, actor: Actor, id: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const { row, o } = await documentFor(tx, audit, actor, id, false);
    await recordAudit(tx, audit, [event('document.read', id, o)]);
    return present(row);
  });
}

/** One document's bytes and detected type; every download is on the audit trail. */
export async function downloadDocument(db: Db, audit: AuditContext, actor: Actor, id: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const { row, o } = await documentFor(tx, audit, actor, id, false);
    const content = await repo.documentContent(tx, audit.tenantId, id);
    await recordAudit(tx, audit, [event('document.downloaded', id, o)]);
    return { content, mediaType: row.media_type, sha256: row.sha256 };
  });
}

/** Withdraws a document with a reason (it is kept, and shows as withdrawn); 409 when it already is. */
export async function withdrawDocument(db: Db, audit: AuditContext, actor: Actor, id: string, reason: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const { row, o } = await documentFor(tx, audit, actor, id, true);
    if (row.withdrawn_at !== null) throw conflict('problem.document_withdrawn.detail');
    await repo.withdrawDocument(tx, audit.tenantId, id, actor.userId, reason);
    const after = await repo.findDocument(tx, audit.tenantId, id);
    if (!after) throw new Error('document not found after writing it');
    await recordAudit(tx, audit, [event('document.withdrawn', id, o)]);
    return present(after);
  });
}
