import { Breadcrumbs, Spinner, Tabs, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { AccessTab } from '../access/AccessTab.tsx';
import { SystemAgreementsTab } from '../agreements/SystemAgreementsTab.tsx';
import { ClassificationTab } from '../classifications/ClassificationTab.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useSystem, type System } from '../../api/systems.ts';
import { useSystemAgreements } from '../../api/agreements.ts';
import { useOpenFindingCounts } from '../../api/findings.ts';
import { DependenciesTab } from './DependenciesTab.tsx';
import { FindingsTab } from './FindingsTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { CRITICALITY_COLOR, LIFECYCLE_COLOR, useSystemLabels } from '../shared/systemLabels.ts';
import { OverviewTab } from './OverviewTab.tsx';
import { ResponsibilitiesTab } from './ResponsibilitiesTab.tsx';
import { RolesTab } from './RolesTab.tsx';
import { SystemStatus } from './SystemStatus.tsx';
import './systems.css';
import { LoadError } from '../../components/LoadError.tsx';

const TABS = [
  'overview',
  'roles',
  'responsibilities',
  'classification',
  'access',
  'agreements',
  'dependencies',
  'findings',
  'history',
] as const;
type Tab = (typeof TABS)[number];

/** /systems/:id — one system: its lifecycle and confirmation, and tabs for facts, roles, responsibilities and more. */
export function SystemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const system = useSystem(id);

  if (isApiError(system.error) && system.error.status === 404) return <NotFoundPage />;
  if (system.isError && !system.data) return <LoadError error={system.error} />;
  if (!system.data) return <Spinner aria-label={t('systems.page.loading')} />;
  // A new key per system: forms start from that system's values when a link leads to another one.
  return <SystemView key={system.data.id} system={system.data} />;
}

function SystemView({ system }: { system: System }) {
  const { t } = useTranslation();
  const labels = useSystemLabels();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'overview';
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const counts = useTabCounts(system);

  function selectTab(value: string) {
    const next = new URLSearchParams(params);
    if (value === 'overview') next.delete('tab');
    else next.set('tab', value);
    // Replace: switching tabs is not a page of its own in the browser history, but a link keeps the tab.
    setParams(next, { replace: true, state: null });
  }

  return (
    <>
      <Breadcrumbs aria-label={t('systems.page.breadcrumbs')}>
        <Breadcrumbs.List>
          <Breadcrumbs.Item>
            <Breadcrumbs.Link asChild>
              <RouterLink to="/systems">{t('systems.list.title')}</RouterLink>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
          <Breadcrumbs.Item>
            <Breadcrumbs.Link aria-current="page">{system.name}</Breadcrumbs.Link>
          </Breadcrumbs.Item>
        </Breadcrumbs.List>
      </Breadcrumbs>
      <PageHeading title={system.name} />
      <p className="system-subtitle">
        <span>{system.registerNo}</span>
        <Tag data-color={LIFECYCLE_COLOR[system.lifecycle]} data-size="sm">
          {t('systems.page.lifecycleTag', { state: labels.lifecycle(system.lifecycle) })}
        </Tag>
        {system.criticality && (
          <Tag data-color={CRITICALITY_COLOR[system.criticality]} data-size="sm">
            {t('systems.page.criticalityTag', { level: labels.criticality(system.criticality) })}
          </Tag>
        )}
        {system.samhallsviktig && <Tag data-size="sm">{t('systems.page.samhallsviktigTag')}</Tag>}
      </p>
      {created && (
        <FocusAlert color="success" focusKey={system.id}>
          {t('systems.create.done', { registerNo: system.registerNo, name: system.name })}
        </FocusAlert>
      )}
      <SystemStatus system={system} />
      <Tabs value={tab} onChange={selectTab} className="system-tabs">
        <Tabs.List aria-label={t('systems.tabs.label')}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {value === 'access'
                ? t('access.tab.heading')
                : counts[value] === undefined
                  ? t(`systems.tabs.${value}`)
                  : t('systems.tabs.withCount', { label: t(`systems.tabs.${value}`), count: counts[value] })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((value) => (
          <Tabs.Panel key={value} value={value} className="system-tab-panel">
            {value === tab && <TabContent tab={value} system={system} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

/**
 * The counts in the tab labels ("Avvikelser (3)"): the role holders, the agreements, the dependencies both
 * ways and the open findings. A count not known yet, or not readable by the caller, is left out.
 */
function useTabCounts(system: System): Partial<Record<Tab, number>> {
  const agreements = useSystemAgreements(system.id);
  const findings = useOpenFindingCounts({ systemId: system.id });
  return {
    roles: system.holders.length,
    agreements: agreements.data?.items.length,
    dependencies: system.dependencies.length + system.dependents.length,
    findings: findings.counts?.total,
  };
}

function TabContent({ tab, system }: { tab: Tab; system: System }) {
  switch (tab) {
    case 'overview':
      return <OverviewTab system={system} />;
    case 'roles':
      return <RolesTab system={system} />;
    case 'responsibilities':
      return <ResponsibilitiesTab system={system} />;
    case 'classification':
      return <ClassificationTab system={system} />;
    case 'access':
      return <AccessTab system={system} />;
    case 'agreements':
      return <SystemAgreementsTab systemId={system.id} canEdit={system.can.edit} />;
    case 'dependencies':
      return <DependenciesTab system={system} />;
    case 'findings':
      return <FindingsTab system={system} />;
    case 'history':
      return <HistoryTab system={system} />;
  }
}
