import { Button, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import './file-field.css';

interface Props {
  /** id of the button the user works with; an error summary links to it. */
  id: string;
  label: string;
  description?: string;
  accept: string;
  inputRef: RefObject<HTMLInputElement | null>;
  error?: string;
  /** The file chosen, or null when the choice was cleared. */
  onChange?: (file: File | null) => void;
  /** Bump to say the page cleared the input (e.g. after an import was applied): the name shown goes too. */
  resetKey?: number;
}

/**
 * A file input that speaks the interface's language: the browser's own button says "Choose File" in
 * the browser's language whatever the page's, so a button "Välj fil" / "Choose file" opens the native
 * input (kept in the page, visually hidden, reached by its label and by tests), and the chosen file's
 * name is shown beside it.
 */
export function FileField({ id, label, description, accept, inputRef, error, onChange, resetKey = 0 }: Props) {
  const { t } = useTranslation();
  const base = useId();
  const nativeId = `${base}-native`;
  const nameId = `${base}-name`;
  const descriptionId = `${base}-description`;
  const errorId = `${base}-error`;
  const [chosen, setChosen] = useState<{ name: string; key: number } | null>(null);
  const name = chosen && chosen.key === resetKey ? chosen.name : null;

  return (
    <Field>
      <Label htmlFor={nativeId}>
        {label}
      </Label>
      {description && (
        <Field.Description id={descriptionId}>
          {description}
        </Field.Description>
      )}
      <input
        ref={inputRef}
        id={nativeId}
        type="file"
        accept={accept}
        className="file-field__native"
        tabIndex={-1}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0] ?? null;
          setChosen(file ? { name: file.name, key: resetKey } : null);
          onChange?.(file);
        }}
      />
      <div className="file-field__row">
        <Button
          id={id}
          type="button"
          variant="secondary"
          data-size="sm"
          aria-label={`${label} – ${t('form.chooseFile')}`}
          aria-describedby={[nameId, description ? descriptionId : '', error ? errorId : ''].filter(Boolean).join(' ')}
          onClick={() => inputRef.current?.click()}
        >
          {t('form.chooseFile')}
        </Button>
        <span id={nameId} className="file-field__name" aria-live="polite">
          {name ?? t('form.noFileChosen')}
        </span>
      </div>
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Field>
  );
}
