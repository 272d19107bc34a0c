import { useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TServiceDelivery, TServiceDeliveryBulk } from '../../../shared/cases/timeline.js';
import type { TPersonSummary } from '../../../shared/people/person.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, Status, type FormError } from '../components.js';
import { Checkbox, Fieldset, Input } from '../people/fields.js';
import { fullName } from '../people/format.js';
import { PersonPicker } from '../people/PersonPicker.js';
import { deliveredAtFor, refusedPositions } from './format.js';

/**
 * The list a worker ticks (a soup kitchen's): persons found by name, ticked, one quantity, and one
 * service recorded for all of them at once. The server records all or none; a refusal names the
 * persons of the list it is about.
 */
export function BulkRecord(props: {
  structure: string;
  service: string;
  serviceName: string;
  day: string;
  today: string;
  onRecorded: () => void;
}) {
  const { t, tp } = useStaffI18n();
  const [people, setPeople] = useState<{ person: TPersonSummary; ticked: boolean }[]>([]);
  const [quantity, setQuantity] = useState('1');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const ticked = people.filter((p) => p.ticked).map((p) => p.person);

  function add(person: TPersonSummary) {
    setMessage(null);
    setPeople((list) =>
      list.some((p) => p.person.id === person.id)
        ? list.map((p) => (p.person.id === person.id ? { ...p, ticked: true } : p))
        : [...list, { person, ticked: true }],
    );
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setMessage(null);
    const n = Number(quantity);
    const found: FormError[] = [];
    if (!props.service) found.push({ field: 'daily-service', text: t('daily.serviceRequired') });
    if (ticked.length === 0) found.push({ field: 'bulk-search', text: t('bulk.noneTicked') });
    if (!Number.isInteger(n) || n < 1 || n > 1000) found.push({ field: 'bulk-quantity', text: t('bulk.quantityInvalid') });
    setErrors(found);
    if (found.length) return;
    const deliveredAt = deliveredAtFor(props.day, props.today);
    const body: TServiceDeliveryBulk = {
      structure: props.structure,
      service: props.service,
      quantity: n,
      persons: ticked.map((p) => p.id),
      ...(deliveredAt ? { deliveredAt } : {}),
    };
    setBusy(true);
    const r = await api<{ items: TServiceDelivery[] }>('POST', '/service-deliveries/bulk', body);
    setBusy(false);
    if (r.ok) {
      setPeople([]);
      setQuantity('1');
      setMessage(tp('bulk.recorded', r.data.items.length, { service: props.serviceName }));
      statusRef.current?.focus();
      props.onRecorded();
      return;
    }
    const refused = refusedPositions(r.problem?.errors).flatMap((i) => (ticked[i] ? [fullName(ticked[i])] : []));
    setErrors([
      {
        text: refused.length
          ? t('bulk.refused', { names: refused.join(', ') })
          : `${r.problem?.detail || t('common.network')} ${t('bulk.nothingRecorded')}`,
      },
    ]);
  }

  return (
    <section className="mr-section" aria-labelledby="bulk-heading">
      <h2 className="govgr-heading-m" id="bulk-heading">
        {t('bulk.heading')}
      </h2>
      <p className="govgr-body">{t('bulk.intro')}</p>
      <div tabIndex={-1} ref={statusRef}>
        {message ? <Status>{message}</Status> : null}
      </div>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      <PersonPicker id="bulk-search" label={t('bulk.search')} exclude="" onPick={add} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {people.length > 0 ? (
          <Fieldset id="bulk-list" label={t('bulk.list')} hint={tp('bulk.tickedCount', ticked.length)}>
            {people.map(({ person, ticked: on }) => (
              <Checkbox
                key={person.id}
                id={`bulk-person-${person.id}`}
                label={fullName(person)}
                checked={on}
                onChange={(checked) =>
                  setPeople((list) => list.map((p) => (p.person.id === person.id ? { ...p, ticked: checked } : p)))
                }
              />
            ))}
          </Fieldset>
        ) : (
          <p className="govgr-body mr-notice">{t('bulk.empty')}</p>
        )}
        <Input
          id="bulk-quantity"
          label={t('bulk.quantity')}
          type="number"
          inputMode="numeric"
          className="mr-input-short"
          value={quantity}
          error={errors.find((e) => e.field === 'bulk-quantity')?.text}
          onChange={setQuantity}
        />
        <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
          {tp('bulk.submit', ticked.length)}
        </button>
      </form>
    </section>
  );
}
