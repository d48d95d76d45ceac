import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { getSystem, systemKeys, updateSystem, type System, type SystemFacts } from '../../api/systems.ts';
import { useFactText } from './factText.ts';
import { SystemFields, useFieldLabel } from './SystemFields.tsx';
import { useSystemRefresh } from './SystemStatus.tsx';
import {
  changedFields,
  factsOf,
  sentLinks,
  useSystemFormErrors,
  validateSystem,
  valuesOf,
  type FactField,
  type SystemValues,
} from './systemForm.ts';

interface Conflict {
  /** Fields someone else changed since the user's starting version. */
  theirs: FactField[];
  /** Of those, the ones the user changed too: the form keeps the user's value. */
  both: FactField[];
  at: number;
}

/**
 * Changes a system's facts. Only the fields the user changed are sent, with the version the form started
 * from. When someone else saved in between (409), the current record is read again: fields only they
 * changed take the new values, fields the user changed keep the user's input, and a notice lists what
 * changed, so nothing is overwritten without the user seeing it.
 */
export function EditSystemForm({ system, onDone }: { system: System; onDone: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = useSystemRefresh(system.id);
  const fieldLabel = useFieldLabel();
  const factText = useFactText();
  const [base, setBase] = useState<System>(system);
  const [values, setValues] = useState<SystemValues>(() => valuesOf(system));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const errors = useSystemFormErrors('edit-system', fieldLabel);

  const baseFacts = factsOf(valuesOf(base));

  async function onConflict(mine: FactField[]) {
    const fresh = await getSystem(system.id);
    queryClient.setQueryData(systemKeys.system(system.id), fresh);
    const freshValues = valuesOf(fresh);
    const theirs = changedFields(baseFacts, factsOf(freshValues));
    setValues((current) => {
      const next = { ...current };
      for (const field of theirs) if (!mine.includes(field)) Object.assign(next, { [field]: freshValues[field] });
      return next;
    });
    setBase(fresh);
    setConflict({ theirs, both: theirs.filter((f) => mine.includes(f)), at: Date.now() });
  }

  const save = useMutation({
    mutationFn: (patch: Partial<SystemFacts>) => updateSystem(system.id, { version: base.version, ...patch }),
    onSuccess: (updated) => {
      refresh(updated);
      onDone(true);
    },
    onError: async (error, patch) => {
      if (isApiError(error) && error.code === 'conflict') {
        errors.clear();
        try {
          await onConflict(Object.keys(patch) as FactField[]);
        } catch (reloadError) {
          errors.showApiError(reloadError, t('errors.unexpected'));
        }
        return;
      }
      errors.showApiError(error, t('errors.unexpected'), sentLinks(values).rows);
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const found = validateSystem(values, t);
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    const facts = factsOf(values);
    const mine = changedFields(baseFacts, facts);
    if (mine.length === 0) {
      onDone(false);
      return;
    }
    errors.clear();
    setConflict(null);
    save.mutate(Object.fromEntries(mine.map((field) => [field, facts[field]])) as Partial<SystemFacts>);
  }

  return (
    <section aria-labelledby="edit-system-heading" className="tab-content">
      <Heading level={2} data-size="sm" id="edit-system-heading">
        {t('systems.edit.heading')}
      </Heading>
      <Paragraph>{t('systems.edit.intro')}</Paragraph>
      {conflict && (
        <FocusAlert color="warning" focusKey={conflict.at}>
          <Heading level={3} data-size="2xs">
            {t('systems.edit.conflictHeading')}
          </Heading>
          <Paragraph>{t(conflict.theirs.length ? 'systems.edit.conflictIntro' : 'systems.edit.conflictNoFacts')}</Paragraph>
          {conflict.theirs.length > 0 && (
            <ul>
              {conflict.theirs.map((field) => (
                <li key={field}>
                  {t('systems.edit.conflictField', { field: fieldLabel(field), value: factText(field, base) })}
                  {conflict.both.includes(field) && (
                    <>
                      <br />
                      <strong>{t('systems.edit.conflictYoursKept')}</strong>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Paragraph>{t('systems.edit.conflictAgain')}</Paragraph>
        </FocusAlert>
      )}
      <FormProblems errors={errors} />
      <form className="form system-form" noValidate onSubmit={onSubmit}>
        <SystemFields values={values} onChange={setValues} errors={errors} />
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {t('systems.edit.submit')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
