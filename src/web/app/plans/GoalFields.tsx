import { pickText } from '../../../shared/localized.js';
import { ACTION_STATUSES, GOAL_DOMAINS, GOAL_STATUSES } from '../../../shared/plans/lists.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Input, Select } from '../people/fields.js';
import type { Named } from '../people/useDirectory.js';
import { emptyAction, type DraftAction, type DraftGoal, type OwnerChoice } from './draft.js';
import { actionStatusLabel, goalLabel, goalStatusLabel } from './labels.js';

/** One goal of the plan editor with its actions: area, text and status, then each action's text, owner, due date and status. */
export function GoalFields(props: {
  goal: DraftGoal;
  index: number;
  me: { id: string; name: string };
  workers: readonly { id: string; name: string }[];
  hasPerson: boolean;
  structures: readonly Named[];
  errorOf: (id: string) => string | undefined;
  onChange: (goal: DraftGoal) => void;
  onRemove: () => void;
}) {
  const { t, lang } = useStaffI18n();
  const { goal, index } = props;
  const n = index + 1;
  const id = `plan-g${index}`;
  const setAction = (ai: number, change: Partial<DraftAction>) =>
    props.onChange({ ...goal, actions: goal.actions.map((a, i) => (i === ai ? { ...a, ...change } : a)) });
  const owners: { value: OwnerChoice; label: string }[] = [
    { value: 'me', label: t('plan.owner.me', { name: props.me.name }) },
    ...props.workers.map((w) => ({ value: `user:${w.id}` as const, label: t('plan.owner.worker', { name: w.name }) })),
    ...(props.hasPerson ? [{ value: 'person' as const, label: t('plan.owner.person') }] : []),
    { value: 'structure', label: t('plan.owner.structure') },
  ];
  return (
    <fieldset className="govgr-fieldset mr-subform" aria-labelledby={`${id}-legend`}>
      <legend className="govgr-fieldset__legend govgr-heading-s" id={`${id}-legend`}>
        {t('plan.goal', { n: String(n) })}
      </legend>
      <Select
        id={`${id}-domain`}
        label={t('plan.goalDomain')}
        value={goal.domain}
        onChange={(v) => props.onChange({ ...goal, domain: GOAL_DOMAINS.find((d) => d === v) ?? goal.domain })}
        options={GOAL_DOMAINS.map((d) => ({ value: d, label: goalLabel(t, d) }))}
      />
      <Input
        id={`${id}-text`}
        label={t('plan.goalText')}
        value={goal.text}
        error={props.errorOf(`${id}-text`)}
        onChange={(v) => props.onChange({ ...goal, text: v })}
      />
      <Select
        id={`${id}-status`}
        label={t('plan.goalStatus')}
        value={goal.status}
        onChange={(v) => props.onChange({ ...goal, status: GOAL_STATUSES.find((s) => s === v) ?? goal.status })}
        options={GOAL_STATUSES.map((s) => ({ value: s, label: goalStatusLabel(t, s) }))}
      />
      {goal.actions.map((a, ai) => {
        const aid = `${id}-a${ai}`;
        return (
          <fieldset key={a.key} className="govgr-fieldset mr-plan-action" aria-labelledby={`${aid}-legend`}>
            <legend className="govgr-fieldset__legend govgr-label" id={`${aid}-legend`}>
              {t('plan.goal', { n: String(n) })} — {t('plan.action', { n: String(ai + 1) })}
            </legend>
            <Input
              id={`${aid}-text`}
              label={t('plan.actionText')}
              value={a.text}
              error={props.errorOf(`${aid}-text`)}
              onChange={(v) => setAction(ai, { text: v })}
            />
            <Select
              id={`${aid}-owner`}
              label={t('plan.owner')}
              value={a.owner}
              onChange={(v) => setAction(ai, { owner: owners.find((o) => o.value === v)?.value ?? 'me' })}
              options={owners}
            />
            {a.owner === 'structure' ? (
              <Select
                id={`${aid}-structure`}
                label={t('plan.ownerStructure')}
                value={a.structure}
                error={props.errorOf(`${aid}-structure`)}
                onChange={(v) => setAction(ai, { structure: v })}
                options={[
                  { value: '', label: t('refer.choose') },
                  ...props.structures.map((s) => ({ value: s.slug, label: pickText(s.name, lang) })),
                ]}
              />
            ) : null}
            <Input
              id={`${aid}-due`}
              type="date"
              label={t('plan.due')}
              value={a.dueOn}
              onChange={(v) => setAction(ai, { dueOn: v })}
            />
            <Select
              id={`${aid}-status`}
              label={t('plan.actionStatus')}
              value={a.status}
              onChange={(v) => setAction(ai, { status: ACTION_STATUSES.find((s) => s === v) ?? a.status })}
              options={ACTION_STATUSES.map((s) => ({ value: s, label: actionStatusLabel(t, s) }))}
            />
            <button
              type="button"
              className="govgr-btn govgr-btn-secondary"
              onClick={() => props.onChange({ ...goal, actions: goal.actions.filter((_, i) => i !== ai) })}
            >
              {t('plan.removeAction', { n: `${n}.${ai + 1}` })}
            </button>
          </fieldset>
        );
      })}
      <div className="govgr-button-group mr-actions">
        <button
          type="button"
          className="govgr-btn govgr-btn-secondary"
          onClick={() => props.onChange({ ...goal, actions: [...goal.actions, emptyAction()] })}
        >
          {t('plan.addAction', { n: String(n) })}
        </button>
        <button type="button" className="govgr-btn govgr-btn-secondary" onClick={props.onRemove}>
          {t('plan.removeGoal', { n: String(n) })}
        </button>
      </div>
    </fieldset>
  );
}
