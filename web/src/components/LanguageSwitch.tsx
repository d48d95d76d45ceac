import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useChangeLocale, useLocale } from './language.ts';

/**
 * One button naming the other language in that language ("English" / "Svenska"),
 * marked with its lang so screen readers pronounce it right.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const current = useLocale();
  const other = current === 'sv' ? 'en' : 'sv';
  const changeLocale = useChangeLocale(signedIn);
  return (
    <Button variant="tertiary" data-size="sm" lang={other} onClick={() => void changeLocale(other)}>
      {t('language.switch')}
    </Button>
  );
}
