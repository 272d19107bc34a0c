import { describe, expect, it } from 'vitest';
import { ROLES, type SensitivityLabel } from '../../../shared/access.js';
import { omitUncleared, type FieldLabels } from './clearance.js';

interface PersonLike {
  name: string;
  disabilityPercent: number | null;
  gbvHistory: string;
  asylumCase: string;
}
const labels: FieldLabels<PersonLike> = { disabilityPercent: 'health', gbvHistory: 'gbv', asylumCase: 'migration' };
const record: PersonLike = { name: 'Α.Β.', disabilityPercent: null, gbvHistory: '…', asylumCase: '…' };
const cleared = (role: keyof typeof ROLES) => new Set<SensitivityLabel>(ROLES[role].clearances);

describe('field clearances', () => {
  it('leave uncleared fields out entirely, even empty ones', () => {
    const { visible, omitted } = omitUncleared(record, labels, cleared('structure_staff'));
    expect(visible).toEqual({ name: 'Α.Β.' });
    expect('disabilityPercent' in visible).toBe(false);
    expect(omitted.sort()).toEqual(['asylumCase', 'disabilityPercent', 'gbvHistory']);
  });

  it('show what the role is cleared for', () => {
    expect(Object.keys(omitUncleared(record, labels, cleared('frontdesk')).visible).sort()).toEqual(['asylumCase', 'name']);
    expect(omitUncleared(record, labels, cleared('social_worker')).omitted).toEqual([]);
  });
});
