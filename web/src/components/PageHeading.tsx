import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { takePendingFocus } from './routeFocus.ts';

interface Props {
  /** The page name for document.title ("<title> – Ansvar"). */
  title: string;
  /** The visible h1; defaults to the title. */
  children?: ReactNode;
}

/** The one h1 of a page. It also sets the document title and receives focus after navigation. */
export function PageHeading({ title, children }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);

  useEffect(() => {
    if (ref.current) takePendingFocus(ref.current);
  }, []);

  return (
    <Heading level={1} data-size="lg" tabIndex={-1} ref={ref} className="page-heading">
      {children ?? title}
    </Heading>
  );
}
