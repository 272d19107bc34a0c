import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { pickText } from '../../../shared/localized.js';
import { DEFAULT_SHARED_FIELDS, SHAREABLE_FIELDS, type ShareableField } from '../../../shared/referrals/machine.js';
import type { TReferral, TReferralCreate } from '../../../shared/referrals/referral.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { navigate } from '../../portal/router.js';
import { api } from '../api.js';
import { ErrorSummary, type FormError } from '../components.js';
import { Checkbox, Fieldset, Radio, Select, TextArea } from '../people/fields.js';
import { setFlash } from '../people/flash.js';
import { useOrganisations, useStructures } from '../people/useDirectory.js';
import { sharedFieldLabel } from '../plans/labels.js';

/**
 * Referring the case's person to a structure or an organisation: the target, the need, and the
 * fields shared (the minimum by default). Sent at once; without the person's consent the API's
 * problem is shown as it says it.
 */
export function ReferForm(props: { caseId: string; personId: string; structure: string; onCancel: () => void }) {
  const { t, lang } = useStaffI18n();
  const structures = useStructures().filter((s) => s.slug !== props.structure);
  const organisations = useOrganisations();
  const [kind, setKind] = useState<'structure' | 'organisation'>('structure');
  const [target, setTarget] = useState('');
  const [purpose, setPurpose] = useState('');
  const [fields, setFields] = useState<ShareableField[]>([...DEFAULT_SHARED_FIELDS]);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => document.getElementById('refer-kind-structure')?.focus(), []);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const found: FormError[] = [];
    if (!target) found.push({ field: 'refer-target', text: t('refer.targetRequired') });
    if (fields.length === 0) found.push({ field: 'refer-fields', text: t('refer.fieldsRequired') });
    setErrors(found);
    if (found.length) return;
    const body: TReferralCreate = {
      person: props.personId,
      structure: props.structure,
      case: props.caseId,
      ...(kind === 'structure' ? { targetStructure: target } : { targetOrganisation: target }),
      ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
      sharedFields: SHAREABLE_FIELDS.filter((f) => fields.includes(f)),
      send: true,
    };
    setBusy(true);
    const r = await api<TReferral>('POST', '/referrals', body);
    setBusy(false);
    if (r.ok) {
      setFlash(t('refer.sent'));
      navigate(`/app/referrals/${r.data.id}`);
      return;
    }
    // The consent problem (409 referral_consent_required) and any other are shown as the API words them.
    setErrors([{ text: r.problem?.detail || t('common.network') }]);
  }

  const options = kind === 'structure' ? structures : organisations;
  const errorOf = (id: string) => errors.find((e) => e.field === id)?.text;
  return (
    <form className="mr-subform" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="refer-form-heading">
      <h3 className="govgr-heading-s" id="refer-form-heading">
        {t('refer.open')}
      </h3>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      <p className="mr-hint">{t('refer.consentHint')}</p>
      <Fieldset id="refer-kind" label={t('refer.targetKind')} inline>
        {(['structure', 'organisation'] as const).map((k) => (
          <Radio
            key={k}
            id={`refer-kind-${k}`}
            name="refer-kind"
            label={t(`refer.kind.${k}`)}
            checked={kind === k}
            onChange={() => {
              setKind(k);
              setTarget('');
            }}
          />
        ))}
      </Fieldset>
      <Select
        id="refer-target"
        label={kind === 'structure' ? t('refer.structure') : t('refer.organisation')}
        value={target}
        error={errorOf('refer-target')}
        onChange={setTarget}
        options={[
          { value: '', label: t('refer.choose') },
          ...options.map((o) => ({ value: o.slug, label: pickText(o.name, lang) })),
        ]}
      />
      <TextArea id="refer-purpose" label={t('refer.purpose')} value={purpose} onChange={setPurpose} />
      <Fieldset id="refer-fields" label={t('refer.fields')} hint={t('refer.fieldsHint')} error={errorOf('refer-fields')}>
        {SHAREABLE_FIELDS.map((f) => (
          <Checkbox
            key={f}
            id={`refer-field-${f}`}
            label={sharedFieldLabel(t, f)}
            checked={fields.includes(f)}
            onChange={(on) => setFields((now) => (on ? [...now, f] : now.filter((x) => x !== f)))}
          />
        ))}
      </Fieldset>
      <div className="govgr-button-group mr-actions">
        <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
          {t('refer.submit')}
        </button>
        <button type="button" className="govgr-btn govgr-btn-secondary" onClick={props.onCancel}>
          {t('refer.cancel')}
        </button>
      </div>
    </form>
  );
}
