import { Button } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { FocusAlert } from './FocusAlert.tsx';
import { FormProblems, type SummaryItem } from './FormErrorSummary.tsx';
import type { VersionedSave } from './versionedSave.ts';

interface Props {
  /** From useVersionedSave. */
  save: VersionedSave;
  /** The form's errors (useFormErrors). */
  errors: { general: string | null; attempt: number; summary: SummaryItem[] };
  /** The notice after a save. */
  savedText: string;
  /** The notice when someone else saved first. */
  conflictText: string;
  submitText: string;
  className?: string;
  /** The fields. */
  children: ReactNode;
}

/**
 * The form that edits a record in place: the notice of the last save (it takes focus), the form's
 * problems, the fields and the submit button.
 */
export function SaveForm({ save, errors, savedText, conflictText, submitText, className = 'form', children }: Props) {
  const { notice } = save;
  return (
    <>
      {notice && (
        <FocusAlert color={notice.kind === 'saved' ? 'success' : 'warning'} focusKey={notice.at}>
          {notice.kind === 'saved' ? savedText : conflictText}
        </FocusAlert>
      )}
      <FormProblems errors={errors} />
      <form className={className} noValidate onSubmit={save.onSubmit}>
        {children}
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {submitText}
          </Button>
        </div>
      </form>
    </>
  );
}
