import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASPECTS, type Classification } from '../../api/classifications.ts';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { differences, type Difference } from './diff.ts';
import { STATUS_COLOR, useClassificationLabels } from './labels.ts';

/** Every version of the classification, and what changed between any two of them. */
export function VersionsSection({ items }: { items: Classification[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useClassificationLabels();
  const captionId = useId();
  const ids = useId();
  const [fromId, setFromId] = useState(items[1]?.id ?? '');
  const [toId, setToId] = useState(items[0]?.id ?? '');
  const from = items.find((c) => c.id === fromId);
  const to = items.find((c) => c.id === toId);
  const versionOptions = items.map((c) => ({ value: c.id, label: t('classifications.versions.option', { version: c.version, status: labels.status(c) }) }));
  const letters = ASPECTS.map((a) => t(`classifications.letters.${a}`)).join('/');

  return (
    <section aria-labelledby="versions-heading" className="versions">
      <Heading level={3} data-size="xs" id="versions-heading">
        {t('classifications.versions.heading')}
      </Heading>
      <TableScroll captionId={captionId}>
        <table className="data-table">
          <caption id={captionId}>{t('classifications.versions.caption', { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('classifications.versions.version')}</th>
              <th scope="col">{t('classifications.versions.state')}</th>
              <th scope="col">{letters}</th>
              <th scope="col">{t('classifications.versions.when')}</th>
              <th scope="col">{t('classifications.versions.who')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>{c.version}</td>
                <td>
                  <Tag data-color={STATUS_COLOR[c.status]} data-size="sm">
                    {labels.status(c)}
                  </Tag>
                </td>
                <td>{ASPECTS.map((a) => c.levels[a] ?? '–').join('/')}</td>
                <td>{formatDate(c.decidedAt ?? c.submittedAt ?? c.createdAt, locale)}</td>
                <td>{(c.decidedBy ?? c.submittedBy ?? c.createdBy)?.name ?? t('classifications.theImport')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="versions-compare">
        <SelectField id={`${ids}-from`} label={t('classifications.versions.compareFrom')} value={fromId} onChange={setFromId} options={versionOptions} />
        <SelectField id={`${ids}-to`} label={t('classifications.versions.compareTo')} value={toId} onChange={setToId} options={versionOptions} />
      </div>
      {from && to && <DifferenceList list={differences(from, to)} from={from} />}
    </section>
  );
}

function DifferenceList({ list, from }: { list: Difference[]; from: Classification }) {
  const { t } = useTranslation();
  const labels = useClassificationLabels();
  if (list.length === 0) return <Paragraph data-size="sm">{t('classifications.versions.same')}</Paragraph>;
  const none = t('classifications.levelNone');
  const flagValue = (v: boolean | string | null) =>
    typeof v === 'string' ? labels.protection(v as Classification['flags']['securityProtection']) : labels.yesNo(v);
  const line = (d: Difference): string => {
    switch (d.kind) {
      case 'level':
        return t('classifications.versions.changed', {
          field: labels.aspect(d.aspect),
          from: labels.level(d.aspect, d.from, from.scale),
          to: labels.level(d.aspect, d.to, from.scale),
        });
      case 'flag':
        return t('classifications.versions.changed', { field: t(`classifications.flags.${d.flag}`), from: flagValue(d.from), to: flagValue(d.to) });
      case 'justification':
        return t('classifications.versions.changed', {
          field: t('classifications.versions.justification', { aspect: labels.aspect(d.aspect) }),
          from: d.from ?? none,
          to: d.to ?? none,
        });
      case 'method':
        return t('classifications.versions.changed', { field: t('classifications.versions.method'), from: labels.method(d.from), to: labels.method(d.to) });
      case 'reference':
        return t('classifications.versions.changed', { field: t('classifications.versions.reference'), from: d.from ?? none, to: d.to ?? none });
    }
  };
  return (
    <ul className="versions-diff" aria-live="polite">
      {list.map((d, i) => (
        <li key={i}>{line(d)}</li>
      ))}
    </ul>
  );
}
