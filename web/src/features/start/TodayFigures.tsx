import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Onboarding } from '../../api/onboarding.ts';
import { intlLocale } from '../../i18n/language.ts';
import { useLocale } from '../../components/language.ts';
import { SEVERITIES } from '../../../../shared/policy.ts';

/** The numbers that exist today, each a link to the list it counts (within what the caller may see). */
export function TodayFigures({ figures }: { figures: Onboarding['figures'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const n = (value: number) => new Intl.NumberFormat(intlLocale(locale)).format(value);
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('start.figuresHeading')}
      </Heading>
      <ul className="figures">
        <li>
          <Link asChild>
            <RouterLink to="/systems">
              <span className="figure-number">{n(figures.systems)}</span> {t('start.figureSystems')}
            </RouterLink>
          </Link>
        </li>
        <li>
          <span className="figure-label">{t('start.figureFindings')}</span>
          <ul className="figure-parts">
            {SEVERITIES.map((severity) => (
              <li key={severity}>
                <Link asChild>
                  <RouterLink to={`/findings?severity=${severity}`}>
                    <span className="figure-number">{n(figures.findings[severity])}</span> {t(`start.figureSeverity.${severity}`)}
                  </RouterLink>
                </Link>
              </li>
            ))}
          </ul>
        </li>
        <li>
          <Link asChild>
            <RouterLink to="/findings?rule=role_vacant">
              <span className="figure-number">{n(figures.vacantRoles)}</span> {t('start.figureVacant')}
            </RouterLink>
          </Link>
        </li>
      </ul>
      <Paragraph data-size="sm" className="muted">
        {t('start.figuresNote')}
      </Paragraph>
    </section>
  );
}
