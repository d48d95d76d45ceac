import { Button, Checkbox, Details, Fieldset } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSystems, type SystemSummary } from '../../api/systems.ts';
import { useFilterValues } from '../../components/filterForm.ts';
import { PICKER_MATCHES, SearchPicker, useSearchText } from '../../components/SearchPicker.tsx';
import { PersonPicker } from '../shared/PersonPicker.tsx';

/** The inbox's filters as the URL holds them. */
export interface InboxValues {
  systemId: string;
  personId: string;
  /** Only undecided items (on unless the URL says all=true). */
  undecided: boolean;
  privileged: boolean;
}

export const readInboxValues = (params: URLSearchParams): InboxValues => ({
  systemId: params.get('systemId') ?? '',
  personId: params.get('personId') ?? '',
  undecided: params.get('all') !== 'true',
  privileged: params.get('privileged') === 'true',
});

/** The URL of the filters, keeping the grouping. */
export function writeInboxValues(values: InboxValues, group: string): URLSearchParams {
  const search = new URLSearchParams();
  if (group !== 'system') search.set('group', group);
  if (values.systemId) search.set('systemId', values.systemId);
  if (values.personId) search.set('personId', values.personId);
  if (!values.undecided) search.set('all', 'true');
  if (values.privileged) search.set('privileged', 'true');
  return search;
}

interface Props {
  current: InboxValues;
  /** The names of the chosen system and person, when known (from the rows they filter). */
  names: { system: SystemOption | null; person: { id: string; name: string } | null };
  onApply: (values: InboxValues) => void;
}

/** A system to choose: from the search (with its owning unit), or the one chosen before (from the rows). */
export type SystemOption = Pick<SystemSummary, 'id' | 'name' | 'registerNo'> & { owningUnit?: { name: string } };

const describe = (s: SystemOption) => (s.owningUnit ? `${s.name} (${s.registerNo}, ${s.owningUnit.name})` : `${s.name} (${s.registerNo})`);

/** Which items the inbox shows: a system, a person, undecided only (on at first), privileged only. */
export function InboxFilters({ current, names, onApply }: Props) {
  const { t } = useTranslation();
  const { values, setValues, markApplied } = useFilterValues(current, (v) => JSON.stringify(v));
  const search = useSearchText();
  const systems = useSystems({ q: search.q || undefined, sort: 'name', dir: 'asc' }, { limit: PICKER_MATCHES });
  const found: SystemOption[] = systems.data?.pages[0]?.items ?? [];
  const count = found.length;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    markApplied(values);
    onApply(values);
  }

  function clear() {
    const none: InboxValues = { systemId: '', personId: '', undecided: true, privileged: false };
    setValues(none);
    markApplied(none);
    onApply(none);
  }

  return (
    <form className="filters" noValidate onSubmit={onSubmit} aria-label={t('reviews.inbox.filterLabel')}>
      <Fieldset>
        <Fieldset.Legend>{t('reviews.inbox.filterLegend')}</Fieldset.Legend>
        <div className="filters__checks">
          <Checkbox
            label={t('reviews.inbox.undecidedOnly')}
            checked={values.undecided}
            onChange={(e) => setValues((v) => ({ ...v, undecided: e.target.checked }))}
          />
          <Checkbox
            label={t('reviews.inbox.privilegedOnly')}
            checked={values.privileged}
            onChange={(e) => setValues((v) => ({ ...v, privileged: e.target.checked }))}
          />
        </div>
        <Details defaultOpen={Boolean(current.systemId || current.personId)} className="review-filter-more">
          <Details.Summary>{t('reviews.inbox.filterMore')}</Details.Summary>
          <Details.Content>
            <div className="review-filter-pickers">
              <SearchPicker
                id="inbox-system"
                legend={t('reviews.inbox.filterSystem')}
                value={values.systemId}
                onChange={(systemId) => setValues((v) => ({ ...v, systemId }))}
                search={search}
                found={found}
                query={systems}
                current={names.system}
                describe={describe}
                texts={{
                  search: t('systems.picker.search'),
                  searchHint: t('systems.picker.searchHint'),
                  choose: t('people.picker.choose'),
                  placeholder: t('reviews.inbox.allSystems'),
                  searching: t('people.picker.searching'),
                  failed: t('people.picker.failed'),
                  none: t('systems.picker.none', { q: search.q }),
                  noneAtAll: t('systems.picker.noneAtAll'),
                  count: t('people.picker.count', { count }),
                  many: t('people.picker.many', { count }),
                }}
              />
              <PersonPicker
                id="inbox-person"
                legend={t('reviews.inbox.filterPerson')}
                value={values.personId}
                onChange={(personId) => setValues((v) => ({ ...v, personId }))}
                current={names.person}
                placeholder={t('reviews.inbox.allPeople')}
              />
            </div>
          </Details.Content>
        </Details>
        <div className="actions">
          <Button type="submit">{t('reviews.inbox.apply')}</Button>
          <Button type="button" variant="tertiary" onClick={clear}>
            {t('reviews.inbox.clear')}
          </Button>
        </div>
      </Fieldset>
    </form>
  );
}
