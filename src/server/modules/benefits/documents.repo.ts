import { sql, type SQL } from 'drizzle-orm';
import type { SensitivityLabel } from '../../../shared/access.js';
import type { DocumentCategory, DocumentMediaType } from '../../../shared/benefits/lists.js';
import { sqlRows, type Db } from '../../platform/db/database.js';
import { ISO } from './benefits.repo.js';

/** A document's metadata (never its bytes). */
export interface DocumentRow {
  id: string;
  case_id: string | null;
  person_id: string | null;
  compartment_id: string | null;
  media_type: DocumentMediaType;
  size_bytes: number;
  sha256: string;
  title: string | null;
  category: DocumentCategory;
  sensitivity: SensitivityLabel | null;
  uploaded_by: string;
  uploader_username: string;
  uploader_display_name: string;
  uploaded_at: string;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}

const SELECT = sql`select d.id, d.case_id, d.person_id, d.compartment_id, d.media_type, d.size_bytes, d.sha256, d.title,
    d.category, d.sensitivity, d.uploaded_by, u.username as uploader_username, u.display_name as uploader_display_name,
    ${ISO('d.uploaded_at')} as uploaded_at, ${ISO('d.withdrawn_at')} as withdrawn_at, d.withdrawal_reason
  from documents d
  join users u on u.tenant_id = d.tenant_id and u.id = d.uploaded_by`;

/** One document's metadata (row-level security hides other compartments); `lock` holds it. */
export async function findDocument(db: Db, tenantId: string, id: string, lock = false): Promise<DocumentRow | undefined> {
  const [row] = await sqlRows<DocumentRow>(
    db,
    sql`${SELECT} where d.tenant_id = ${tenantId} and d.id = ${id}${lock ? sql` for update of d` : sql``}`,
  );
  return row;
}

/** A document's bytes. */
export async function documentContent(db: Db, tenantId: string, id: string): Promise<Buffer> {
  const [row] = await sqlRows<{ content: Uint8Array }>(
    db,
    sql`select content from documents where tenant_id = ${tenantId} and id = ${id}`,
  );
  if (!row) throw new Error('document vanished while being read');
  return Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength);
}

/** The documents of a case (`caseId`) or of a person's cluster (`clusterId`), newest first. */
export async function listDocuments(
  db: Db,
  tenantId: string,
  of: { caseId: string } | { clusterId: string },
): Promise<DocumentRow[]> {
  const where: SQL =
    'caseId' in of
      ? sql`d.case_id = ${of.caseId}`
      : sql`d.person_id in (select p.id from persons p where p.tenant_id = ${tenantId} and p.cluster_id = ${of.clusterId})`;
  return sqlRows<DocumentRow>(
    db,
    sql`${SELECT} where d.tenant_id = ${tenantId} and ${where} order by d.uploaded_at desc, d.id desc limit 500`,
  );
}

/** Stores a document; returns its id. */
export async function insertDocument(
  tx: Db,
  tenantId: string,
  d: {
    caseId: string | null;
    personId: string | null;
    structureId: string | null;
    compartmentId: string | null;
    mediaType: DocumentMediaType;
    sha256: string;
    content: Buffer;
    title: string | null;
    category: DocumentCategory;
    sensitivity: SensitivityLabel | null;
    userId: string;
  },
): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into documents (tenant_id, case_id, person_id, structure_id, compartment_id, media_type, size_bytes, sha256,
          content, title, category, sensitivity, uploaded_by)
        values (${tenantId}, ${d.caseId}, ${d.personId}, ${d.structureId}, ${d.compartmentId}, ${d.mediaType},
          ${d.content.length}, ${d.sha256}, ${d.content}, ${d.title}, ${d.category}, ${d.sensitivity}, ${d.userId})
        returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Marks a document withdrawn (it is kept). */
export async function withdrawDocument(tx: Db, tenantId: string, id: string, userId: string, reason: string): Promise<void> {
  await tx.execute(
    sql`update documents set withdrawn_at = now(), withdrawn_by = ${userId}, withdrawal_reason = ${reason}
         where tenant_id = ${tenantId} and id = ${id}`,
  );
}
