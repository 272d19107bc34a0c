import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { saveOrganisation, saveStructure, type TCatalogueOrganisation, type TCatalogueStructure } from './directory.commands.js';

/** An administrator saves an organisation: change and audit row in one transaction. */
export async function adminSaveOrganisation(db: Db, audit: AuditContext, input: TCatalogueOrganisation): Promise<string> {
  return db.transaction(async (tx) => {
    const id = await saveOrganisation(tx, audit.tenantId, input);
    await recordAudit(tx, audit, [
      { action: 'directory.organisation_saved', entityType: 'organisation', entityId: id, changes: Object.keys(input) },
    ]);
    return id;
  });
}

/** An administrator creates or replaces a structure with its services: change and audit row in one transaction. */
export async function adminSaveStructure(
  db: Db,
  audit: AuditContext,
  input: TCatalogueStructure,
  mode: 'create' | 'upsert',
): Promise<string> {
  return db.transaction(async (tx) => {
    const id = await saveStructure(tx, audit.tenantId, input, mode);
    await recordAudit(tx, audit, [
      {
        action: 'directory.structure_saved',
        entityType: 'structure',
        entityId: id,
        structureId: id,
        changes: Object.keys(input),
      },
    ]);
    return id;
  });
}
