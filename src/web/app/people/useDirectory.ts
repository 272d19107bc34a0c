/** The public directory lists the people screens pick from: structures to register at, organisations to share with. */
import { useEffect, useMemo, useState } from 'react';
import { ROLES, type Permission } from '../../../shared/access.js';
import type { TMe } from '../../../shared/auth.js';
import type { TLocalizedText } from '../../../shared/localized.js';

/** A structure or organisation as a picker shows it. */
export interface Named {
  id?: string;
  slug: string;
  name: TLocalizedText;
  confidential?: boolean;
}

async function list(path: string): Promise<Named[]> {
  try {
    const r = await fetch(`/api/v1${path}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    return r.ok ? ((await r.json()) as { items: Named[] }).items : [];
  } catch {
    return [];
  }
}

/**
 * The structures the user may register a person at (or use another permission at): those of
 * their memberships whose role holds the permission; with an all-structures membership, every
 * structure of the directory that is not confidential (a confidential one only through a
 * membership of its own).
 */
export function useRegistrationStructures(
  me: TMe,
  permission: Permission = 'person.create',
): { structures: Named[]; defaultSlug: string } {
  const [directory, setDirectory] = useState<Named[]>([]);
  const own = useMemo(() => {
    const seen = new Map<string, Named>();
    let everywhere = false;
    for (const m of me.memberships) {
      if (!ROLES[m.role].permissions.includes(permission)) continue;
      if (m.structure) seen.set(m.structure.slug, m.structure);
      else everywhere = true;
    }
    return { listed: [...seen.values()], everywhere };
  }, [me.memberships, permission]);
  useEffect(() => {
    if (own.everywhere) void list('/structures?limit=200').then(setDirectory);
  }, [own.everywhere]);
  const structures = own.everywhere
    ? [...own.listed, ...directory.filter((s) => !s.confidential && !own.listed.some((o) => o.slug === s.slug))]
    : own.listed;
  const current = me.memberships.find(
    (m) => m.structure?.id === me.currentStructureId && ROLES[m.role].permissions.includes(permission),
  )?.structure?.slug;
  return { structures, defaultSlug: current ?? structures[0]?.slug ?? '' };
}

/** Organisations of the directory (consent recipients). */
export function useOrganisations(): Named[] {
  const [items, setItems] = useState<Named[]>([]);
  useEffect(() => {
    void list('/organisations?limit=200').then(setItems);
  }, []);
  return items;
}

/** The structures of the public directory (referral targets, owners of plan actions). */
export function useStructures(): Named[] {
  const [items, setItems] = useState<Named[]>([]);
  useEffect(() => {
    void list('/structures?limit=200').then(setItems);
  }, []);
  return items;
}
