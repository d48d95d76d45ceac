import { Link, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useLocale } from '../../components/language.ts';
import type { Finding } from '../../api/policy.ts';
import { useSeverityLabel } from './labels.tsx';

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;
const SEVERITY_COLOR = { high: 'danger', medium: 'warning', low: 'info' } as const;

/** Findings, most severe first, each with a link to its unit when it is about one. */
export function FindingList({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const severityLabel = useSeverityLabel();
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <ul className="findings">
      {sorted.map((finding, index) => (
        <li key={`${finding.key}-${finding.subject.id ?? ''}-${index}`}>
          {/* The severity is written out; the colour only repeats it. */}
          <Tag data-color={SEVERITY_COLOR[finding.severity]} data-size="sm">
            {severityLabel(finding.severity)}
          </Tag>{' '}
          {locale === 'en' ? finding.text.en : finding.text.sv}
          {finding.subject.kind === 'unit' && finding.subject.id && (
            <>
              {' '}
              <Link asChild>
                <RouterLink to={`/organisation/${finding.subject.id}`}>{t('policy.openUnit', { name: finding.subject.name })}</RouterLink>
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
