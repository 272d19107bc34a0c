import { sql } from 'drizzle-orm';
import type { ReferralStatus } from '../../../shared/referrals/machine.js';
import { bulkInsert, type BulkColumn } from '../../platform/db/bulk.js';
import { sqlRows, type Db } from '../../platform/db/database.js';

/** One change of a referral, to append. */
export interface NewEvent {
  referralId: string;
  compartmentId: string | null;
  from: ReferralStatus | null;
  to: ReferralStatus;
  actorUserId: string | null;
  actorLabel: string;
  via: 'staff' | 'link' | 'system';
  reason: string | null;
  note: string | null;
}

const COLUMNS: BulkColumn[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'referral_id', type: 'uuid' },
  { name: 'compartment_id', type: 'uuid' },
  { name: 'from_status', type: 'text' },
  { name: 'to_status', type: 'text' },
  { name: 'actor_user_id', type: 'uuid' },
  { name: 'actor_label', type: 'text' },
  { name: 'via', type: 'text' },
  { name: 'reason', type: 'text' },
  { name: 'note', type: 'text' },
];

/** Appends events; each takes its own clock time, so they keep the order given. */
export async function insertEvents(tx: Db, tenantId: string, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(
    bulkInsert(
      'referral_events',
      COLUMNS,
      events.map((e) => [
        tenantId,
        e.referralId,
        e.compartmentId,
        e.from,
        e.to,
        e.actorUserId,
        e.actorLabel,
        e.via,
        e.reason,
        e.note,
      ]),
    ),
  );
}

/** A referral's event as stored. */
export interface EventRow {
  id: string;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  actor_label: string;
  via: 'staff' | 'link' | 'system';
  reason: string | null;
  note: string | null;
  at: string;
}

/** Every event of a referral, oldest first. */
export async function listEvents(db: Db, tenantId: string, referralId: string): Promise<EventRow[]> {
  return sqlRows<EventRow>(
    db,
    sql`select id, from_status, to_status, actor_label, via, reason, note,
               to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
          from referral_events where tenant_id = ${tenantId} and referral_id = ${referralId} order by at, id`,
  );
}

/** Records a link (its token's hash only) and revokes the referral's earlier ones. */
export async function insertLink(
  tx: Db,
  tenantId: string,
  l: { referralId: string; compartmentId: string | null; tokenHash: string; days: number; createdBy: string },
): Promise<string> {
  await tx.execute(
    sql`update referral_links set revoked_at = now()
         where tenant_id = ${tenantId} and referral_id = ${l.referralId} and revoked_at is null`,
  );
  const [row] = await sqlRows<{ expires_at: string }>(
    tx,
    sql`insert into referral_links (tenant_id, referral_id, compartment_id, token_hash, expires_at, created_by)
        values (${tenantId}, ${l.referralId}, ${l.compartmentId}, ${l.tokenHash},
          now() + make_interval(days => ${l.days}::int), ${l.createdBy})
        returning to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as expires_at`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.expires_at;
}

/** A link found by its token's hash, and whether it still works. */
export async function findLink(
  tx: Db,
  tenantId: string,
  tokenHash: string,
): Promise<{ id: string; referral_id: string; usable: boolean } | undefined> {
  const [row] = await sqlRows<{ id: string; referral_id: string; usable: boolean }>(
    tx,
    sql`select id, referral_id, (revoked_at is null and expires_at > now()) as usable
          from referral_links where tenant_id = ${tenantId} and token_hash = ${tokenHash}`,
  );
  return row;
}

/** Notes when a link was last used. */
export async function touchLink(tx: Db, id: string): Promise<void> {
  await tx.execute(sql`update referral_links set last_used_at = now() where id = ${id}`);
}
