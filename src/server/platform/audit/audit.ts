import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AuditAction } from '../../../shared/access.js';
import { bulkInsert, type BulkColumn } from '../db/bulk.js';
import { sqlRows, type Db } from '../db/database.js';

/** Who is acting and where from; built once per request and passed to every service call. */
export interface AuditContext {
  tenantId: string;
  actorUserId: string | null;
  /** Username or "anonymous"/"system"; never a person's name. */
  actorLabel: string;
  requestId: string | null;
  ip: string | null;
}

/** One audit event. `changes` holds field names only, never sensitive values. */
export interface AuditEvent {
  action: AuditAction;
  outcome?: 'success' | 'denied' | 'failure';
  entityType?: string;
  entityId?: string;
  personId?: string;
  structureId?: string;
  changes?: string[] | Record<string, unknown>;
  reason?: string;
}

const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted, so a value reads back from jsonb with the same hash. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface HashedFields {
  tenantId: string;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  personId: string | null;
  structureId: string | null;
  changes: unknown;
  requestId: string | null;
  ip: string | null;
  outcome: string;
  reason: string | null;
}

/** The hash of a row: SHA-256 over the previous hash and the row's fields in a fixed order. */
export function auditHash(prevHash: string, f: HashedFields): string {
  const canonical = JSON.stringify([
    f.tenantId,
    f.at,
    f.actorUserId,
    f.actorLabel,
    f.action,
    f.entityType,
    f.entityId,
    f.personId,
    f.structureId,
    stableJson(f.changes ?? null),
    f.requestId,
    f.ip,
    f.outcome,
    f.reason,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * Appends events to the trail inside the caller's transaction, so the audit row and the change
 * commit or roll back together. The chain is per tenant; an advisory lock keeps it linear.
 */
export async function recordAudit(tx: Db, ctx: AuditContext, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'audit:' + ctx.tenantId}))`);
  const last = await sqlRows<{ hash: string }>(
    tx,
    sql`select hash from audit_event where tenant_id = ${ctx.tenantId} order by id desc limit 1`,
  );
  let prev = last[0]?.hash ?? GENESIS;
  const at = new Date().toISOString();
  const rows = events.map((e) => {
    const fields: HashedFields = {
      tenantId: ctx.tenantId,
      at,
      actorUserId: ctx.actorUserId,
      actorLabel: ctx.actorLabel,
      action: e.action,
      entityType: e.entityType ?? null,
      entityId: e.entityId ?? null,
      personId: e.personId ?? null,
      structureId: e.structureId ?? null,
      changes: e.changes ?? null,
      requestId: ctx.requestId,
      ip: ctx.ip,
      outcome: e.outcome ?? 'success',
      reason: e.reason ?? null,
    };
    const hash = auditHash(prev, fields);
    const row = [
      fields.tenantId,
      fields.at,
      fields.actorUserId,
      fields.actorLabel,
      fields.action,
      fields.entityType,
      fields.entityId,
      fields.personId,
      fields.structureId,
      fields.changes,
      fields.requestId,
      fields.ip,
      fields.outcome,
      fields.reason,
      prev,
      hash,
    ];
    prev = hash;
    return row;
  });
  // One parameter per column: a list of a thousand records read is one short statement.
  await tx.execute(bulkInsert('audit_event', AUDIT_COLUMNS, rows));
}

const AUDIT_COLUMNS: BulkColumn[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'at', type: 'timestamptz' },
  { name: 'actor_user_id', type: 'uuid' },
  { name: 'actor_label', type: 'text' },
  { name: 'action', type: 'text' },
  { name: 'entity_type', type: 'text' },
  { name: 'entity_id', type: 'text' },
  { name: 'person_id', type: 'uuid' },
  { name: 'structure_id', type: 'uuid' },
  { name: 'changes', type: 'jsonb' },
  { name: 'request_id', type: 'text' },
  { name: 'ip', type: 'text' },
  { name: 'outcome', type: 'text' },
  { name: 'reason', type: 'text' },
  { name: 'prev_hash', type: 'text' },
  { name: 'hash', type: 'text' },
];

interface StoredRow {
  id: string;
  tenant_id: string;
  at: string;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  person_id: string | null;
  structure_id: string | null;
  changes: unknown;
  request_id: string | null;
  ip: string | null;
  outcome: string;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/** Result of checking the chain: the number of rows checked and the first broken row, if any. */
export interface ChainCheck {
  checked: number;
  brokenAt: { id: string; reason: string } | null;
}

/** Recomputes the hash chain of a tenant's trail in pages and names the first row that does not match. */
export async function verifyAuditChain(db: Db, tenantId: string): Promise<ChainCheck> {
  let prev = GENESIS;
  let lastId = '0';
  let checked = 0;
  for (;;) {
    const page = await sqlRows<StoredRow>(
      db,
      sql`select id::text, tenant_id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor_user_id,
            actor_label, action, entity_type, entity_id, person_id, structure_id, changes, request_id, ip, outcome, reason,
            prev_hash, hash
          from audit_event where tenant_id = ${tenantId} and audit_event.id > ${lastId}::bigint order by audit_event.id limit 1000`,
    );
    if (page.length === 0) return { checked, brokenAt: null };
    for (const r of page) {
      if (r.prev_hash !== prev) return { checked, brokenAt: { id: r.id, reason: 'prev_hash does not match the previous row' } };
      const expected = auditHash(prev, {
        tenantId: r.tenant_id,
        at: r.at,
        actorUserId: r.actor_user_id,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        personId: r.person_id,
        structureId: r.structure_id,
        changes: r.changes,
        requestId: r.request_id,
        ip: r.ip,
        outcome: r.outcome,
        reason: r.reason,
      });
      if (expected !== r.hash) return { checked, brokenAt: { id: r.id, reason: 'the row’s content does not match its hash' } };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
}
