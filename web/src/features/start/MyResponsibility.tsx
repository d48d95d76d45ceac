import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { MySummary, TasksFilter } from '../../api/tasks.ts';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { intlLocale } from '../../i18n/language.ts';
import { MyRoles, Responsible } from './MyRoles.tsx';
import { TaskList } from './TaskList.tsx';
import './my-responsibility.css';

/** The task list's filter as a query string on the start page ("/?state=overdue#mina-uppgifter"). */
export const tasksHref = (filter: TasksFilter): string => {
  const search = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as Array<[string, string]>).toString();
  return `/${search ? `?${search}` : ''}#${TASKS_ID}`;
};

export const TASKS_ID = 'mina-uppgifter';

/**
 * Mitt ansvar: the signed-in person's tasks in short (overdue, soon, later, risks and classifications to approve —
 * each a link that filters the task list), what changed since the previous visit, the task list itself, the roles
 * they hold, and for a chef or a systemägare their units' and systems' open findings. Summaries before detail.
 */
export function MyResponsibility({ summary }: { summary: MySummary }) {
  const { t } = useTranslation();
  const headingId = useId();
  const locale = useLocale();
  const n = (value: number) => new Intl.NumberFormat(intlLocale(locale)).format(value);
  const { tasks, since } = summary;
  const figures = [
    { key: 'overdue', count: tasks.overdue, filter: { state: 'overdue' } },
    { key: 'dueSoon', count: tasks.dueSoon, filter: { state: 'due_soon' } },
    { key: 'later', count: tasks.later, filter: { state: 'later' } },
    { key: 'riskApprovals', count: tasks.riskApprovals, filter: { kind: 'risk_approval' } },
    { key: 'classificationApprovals', count: tasks.classificationApprovals, filter: { kind: 'classification_approval' } },
  ] as const;

  return (
    <section aria-labelledby={headingId} className="section my-responsibility">
      <Heading level={2} data-size="md" id={headingId}>
        {t('mine.heading')}
      </Heading>
      <Paragraph>
        {tasks.total === 0 ? t('mine.noTasks') : t('mine.taskCount', { count: tasks.total })}{' '}
        {since.at
          ? t('mine.since', {
              date: formatDateTime(since.at, locale),
              newTasks: t('mine.sinceNew', { count: since.newTasks }),
              resolved: t('mine.sinceResolved', { count: since.resolved }),
              handled: t('mine.sinceHandled', { count: since.handled }),
            })
          : t('mine.firstVisit')}
      </Paragraph>
      {tasks.overdue > 0 && <Alert data-color="warning">{t('mine.overdueAlert', { count: tasks.overdue })}</Alert>}
      <ul className="figures my-figures" aria-label={t('mine.figuresLabel')}>
        {figures.map((f) => (
          <li key={f.key} className={f.key === 'overdue' && f.count > 0 ? 'my-figure my-figure--overdue' : 'my-figure'}>
            <Link asChild>
              <RouterLink to={tasksHref(f.filter)}>
                <span className="figure-number">{n(f.count)}</span> {t(`mine.figures.${f.key}`, { count: f.count })}
              </RouterLink>
            </Link>
          </li>
        ))}
      </ul>
      <TaskList id={TASKS_ID} />
      <MyRoles summary={summary} />
      {summary.responsible.length > 0 && <Responsible items={summary.responsible} />}
    </section>
  );
}
