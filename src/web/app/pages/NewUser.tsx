import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { ROLE_KEYS, type RoleKey } from '../../../shared/access.js';
import type { TUser } from '../../../shared/auth.js';
import { pickText, type TLocalizedText } from '../../../shared/localized.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, SelectField, Status, TextField, type FormError } from '../components.js';

interface Named {
  slug: string;
  name: TLocalizedText;
}

/** Creating a staff user with one role, at a structure or at all structures (user.manage). */
export function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const { t, lang } = useStaffI18n();
  const [organisations, setOrganisations] = useState<Named[]>([]);
  const [structures, setStructures] = useState<Named[]>([]);
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    email: '',
    organisation: 'thessaloniki',
    password: '',
    role: 'structure_staff' as RoleKey,
    structure: '',
  });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    void fetch('/api/v1/organisations?limit=200').then(
      async (r) => r.ok && setOrganisations(((await r.json()) as { items: Named[] }).items),
    );
    void fetch('/api/v1/structures?limit=200').then(
      async (r) => r.ok && setStructures(((await r.json()) as { items: Named[] }).items),
    );
  }, []);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setCreated(null);
    const r = await api<TUser>('POST', '/users', {
      username: form.username,
      displayName: form.displayName,
      email: form.email.trim() || null,
      organisation: form.organisation,
      password: form.password,
      memberships: [{ role: form.role, structure: form.structure || null }],
    });
    if (r.ok) {
      setErrors([]);
      setCreated(r.data.username);
      setForm((f) => ({ ...f, username: '', displayName: '', email: '', password: '' }));
      onCreated();
      return;
    }
    const labels: Record<string, string> = {
      username: t('users.username'),
      displayName: t('users.name'),
      email: t('users.email'),
      password: t('users.password'),
      organisation: t('users.organisation'),
      'memberships.0.role': t('users.role'),
      'memberships.0.structure': t('users.structure'),
    };
    const ids: Record<string, string> = {
      'memberships.0.role': 'new-user-role',
      'memberships.0.structure': 'new-user-structure',
    };
    const fieldErrors = (r.problem?.errors ?? []).map((e) => e.field.replace(/^body\./, ''));
    // A 422 explains itself (policy, unknown structure); a 400 names the fields to check.
    if (r.problem?.status === 400 && fieldErrors.length) {
      setErrors(
        fieldErrors.map((f) => ({ field: ids[f] ?? `new-user-${f}`, text: t('common.checkField', { field: labels[f] ?? f }) })),
      );
    } else {
      const f = fieldErrors[0];
      setErrors([{ ...(f ? { field: ids[f] ?? `new-user-${f}` } : {}), text: r.problem?.detail ?? t('common.network') }]);
    }
  }

  return (
    <section aria-labelledby="new-user-heading">
      <h2 className="govgr-heading-m" id="new-user-heading">
        {t('users.new')}
      </h2>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      {created ? <Status>{t('users.created', { username: created })}</Status> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="new-user-username"
          label={t('users.username')}
          value={form.username}
          onChange={set('username')}
          autoComplete="off"
        />
        <TextField
          id="new-user-displayName"
          label={t('users.name')}
          value={form.displayName}
          onChange={set('displayName')}
          autoComplete="off"
        />
        <TextField
          id="new-user-email"
          label={t('users.email')}
          value={form.email}
          onChange={set('email')}
          type="email"
          autoComplete="off"
        />
        <TextField
          id="new-user-password"
          label={t('users.password')}
          hint={t('profile.newHint')}
          value={form.password}
          onChange={set('password')}
          type="password"
          autoComplete="new-password"
        />
        <SelectField
          id="new-user-organisation"
          label={t('users.organisation')}
          value={form.organisation}
          onChange={set('organisation')}
          options={organisations.map((o) => ({ value: o.slug, label: pickText(o.name, lang) }))}
        />
        <SelectField
          id="new-user-role"
          label={t('users.role')}
          value={form.role}
          onChange={set('role')}
          options={ROLE_KEYS.map((r) => ({ value: r, label: t(`role.${r}` as StaffKey) }))}
        />
        <SelectField
          id="new-user-structure"
          label={t('users.structure')}
          value={form.structure}
          onChange={set('structure')}
          options={[
            { value: '', label: t('nav.allStructures') },
            ...structures.map((x) => ({ value: x.slug, label: pickText(x.name, lang) })),
          ]}
        />
        <button type="submit" className="govgr-btn govgr-btn-primary">
          {t('users.create')}
        </button>
      </form>
    </section>
  );
}
