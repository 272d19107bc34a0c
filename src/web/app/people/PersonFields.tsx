import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { Checkbox, Fieldset, Input, Radio, Select, TextArea } from './fields.js';
import { COUNTRY_CODES, LANGUAGE_CODES, codeOptions } from './format.js';
import { IdentifierRows } from './IdentifierRows.js';
import { LEGAL_STATUSES } from '../../../shared/people/lists.js';
import type { PersonForm } from './personForm.js';

/** The fields of the form held as plain text. */
type TextField = { [K in keyof PersonForm]: PersonForm[K] extends string ? K : never }[keyof PersonForm];

/** Props shared by the intake and the edit form. */
export interface PersonFieldsProps {
  prefix: string;
  form: PersonForm;
  set: (change: Partial<PersonForm>) => void;
  errors: Readonly<Record<string, string>>;
  clearances: readonly string[];
}

/**
 * The fields of a person's record, grouped as the worker asks for them. Sensitive fields appear
 * only for the clearances the worker holds: what one may not read one may not write either.
 */
export function PersonFields({ prefix, form, set, errors, clearances }: PersonFieldsProps) {
  const { t, lang } = useStaffI18n();
  const id = (field: string) => `${prefix}-${field}`;
  const text = (field: TextField, extra: { hint?: string; type?: 'text' | 'email' | 'tel'; autoComplete?: string } = {}) => (
    <Input
      id={id(field)}
      label={t(`person.field.${field}` as StaffKey)}
      value={form[field]}
      onChange={(v) => set({ [field]: v })}
      error={errors[field]}
      {...extra}
    />
  );
  const cleared = (label: string) => clearances.includes(label);
  const languageChoices = codeOptions(LANGUAGE_CODES, 'language', lang, form.languages, { rom: t('person.language.rom') });

  return (
    <>
      <fieldset className="govgr-fieldset mr-group">
        <legend className="govgr-fieldset__legend govgr-heading-s">{t('intake.identity')}</legend>
        <div className="mr-pair">
          {text('givenName')}
          {text('familyName')}
        </div>
        <div className="mr-pair">
          {text('givenNameLatin', { hint: t('intake.latinHint') })}
          {text('familyNameLatin', { hint: t('intake.latinHint') })}
        </div>
        <div className="mr-pair">
          {text('fatherName')}
          {text('motherName')}
        </div>
        <Fieldset id={id('sex')} label={t('person.field.sex')} error={errors.sex} inline>
          {(['M', 'F', ''] as const).map((value) => (
            <Radio
              key={value || 'none'}
              id={id(`sex-${value || 'none'}`)}
              name={id('sex')}
              label={t(value ? `person.sex.${value}` : 'person.sex.unknown')}
              checked={form.sex === value}
              onChange={() => set({ sex: value })}
            />
          ))}
        </Fieldset>
        <Input
          id={id('birthDate')}
          label={t('person.field.birthDate')}
          type="date"
          value={form.birthDate}
          onChange={(v) => set({ birthDate: v })}
          error={errors.birthDate}
          className="mr-input-date"
        />
        <div className="mr-field">
          <Checkbox
            id={id('birthDateApproximate')}
            label={t('person.field.birthDateApproximate')}
            hint={t('intake.approximateHint')}
            checked={form.birthDateApproximate}
            onChange={(checked) => set({ birthDateApproximate: checked })}
          />
        </div>
        <Select
          id={id('nationality')}
          label={t('person.field.nationality')}
          value={form.nationality}
          onChange={(v) => set({ nationality: v })}
          error={errors.nationality}
          options={[
            { value: '', label: t('intake.notStated') },
            ...codeOptions(COUNTRY_CODES, 'region', lang, [form.nationality]),
          ]}
        />
        <Fieldset id={id('languages')} label={t('person.field.languages')} error={errors.languages}>
          <div className="mr-checkbox-grid">
            {languageChoices.map((o) => (
              <Checkbox
                key={o.value}
                id={id(`language-${o.value}`)}
                label={o.label}
                checked={form.languages.includes(o.value)}
                onChange={(checked) =>
                  set({ languages: checked ? [...form.languages, o.value] : form.languages.filter((l) => l !== o.value) })
                }
              />
            ))}
          </div>
        </Fieldset>
        {cleared('migration') ? (
          <Select
            id={id('legalStatus')}
            label={t('person.field.legalStatus')}
            value={form.legalStatus}
            onChange={(v) => set({ legalStatus: v as PersonForm['legalStatus'] })}
            error={errors.legalStatus}
            options={[
              { value: '', label: t('intake.notStated') },
              ...LEGAL_STATUSES.map((s) => ({ value: s, label: t(`person.legalStatus.${s}` as StaffKey) })),
            ]}
          />
        ) : null}
      </fieldset>

      <fieldset className="govgr-fieldset mr-group">
        <legend className="govgr-fieldset__legend govgr-heading-s">{t('intake.contact')}</legend>
        <div className="mr-pair">
          {text('phone', { type: 'tel' })}
          {text('email', { type: 'email' })}
        </div>
        {text('address')}
        <Select
          id={id('community')}
          label={t('person.field.community')}
          value={form.community}
          onChange={(v) => set({ community: v })}
          error={errors.community}
          options={[
            { value: '', label: t('intake.notStated') },
            ...[1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: t('person.communityN', { n }) })),
          ]}
        />
      </fieldset>

      <IdentifierRows
        prefix={prefix}
        rows={form.identifiers}
        onChange={(identifiers) => set({ identifiers })}
        clearances={clearances}
        errors={errors}
      />

      {cleared('health') || cleared('gbv') || cleared('ethnicity') ? (
        <fieldset className="govgr-fieldset mr-group mr-group--sensitive">
          <legend className="govgr-fieldset__legend govgr-heading-s">{t('intake.sensitive')}</legend>
          <p className="mr-hint">{t('intake.sensitiveHint')}</p>
          {cleared('health') ? (
            <>
              <Input
                id={id('disabilityPercent')}
                label={t('person.field.disabilityPercent')}
                value={form.disabilityPercent}
                onChange={(v) => set({ disabilityPercent: v })}
                inputMode="numeric"
                className="mr-input-short"
                error={errors.disabilityPercent}
              />
              <TextArea
                id={id('disabilityNotes')}
                label={t('person.field.disabilityNotes')}
                value={form.disabilityNotes}
                onChange={(v) => set({ disabilityNotes: v })}
                error={errors.disabilityNotes}
              />
              <TextArea
                id={id('healthNotes')}
                label={t('person.field.healthNotes')}
                value={form.healthNotes}
                onChange={(v) => set({ healthNotes: v })}
                error={errors.healthNotes}
              />
            </>
          ) : null}
          {cleared('gbv') ? (
            <TextArea
              id={id('gbvNotes')}
              label={t('person.field.gbvNotes')}
              value={form.gbvNotes}
              onChange={(v) => set({ gbvNotes: v })}
              error={errors.gbvNotes}
            />
          ) : null}
          {cleared('ethnicity') ? text('minority') : null}
        </fieldset>
      ) : null}
    </>
  );
}
