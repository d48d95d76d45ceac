import { Alert, Button, Heading, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useSearchParams } from 'react-router';
import {
  TASK_KINDS,
  TASK_STATES,
  taskHref,
  useMyTasks,
  type Task,
  type TaskKind,
  type TaskState,
  type TasksFilter,
} from '../../api/tasks.ts';
import { useFilterValues } from '../../components/filterForm.ts';
import { formatDate } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SeverityTag } from '../findings/FindingsTable.tsx';
import { useFollowUpLabels } from '../findings/labels.ts';

const STATE_COLOR: Record<TaskState, 'danger' | 'warning' | 'neutral'> = { overdue: 'danger', due_soon: 'warning', later: 'neutral' };

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/**
 * The person's tasks, overdue first then soonest due, 50 at a time inside a scrolling table: what, about (a link to
 * the system), due date, state in words, kind. Filtered by kind and state (in the address, so the figures above
 * link to a filtered list).
 */
export function TaskList({ id }: { id: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const [params, setParams] = useSearchParams();
  const current = { kind: pick(TASK_KINDS, params.get('kind')) ?? '', state: pick(TASK_STATES, params.get('state')) ?? '' };
  const { values, setValues, markApplied } = useFilterValues(current, (v) => `${v.kind}|${v.state}`);
  const filter: TasksFilter = {
    kind: (current.kind || undefined) as TaskKind | undefined,
    state: (current.state || undefined) as TaskState | undefined,
  };
  const tasks = useMyTasks(filter);
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];
  const total = tasks.data?.pages[0]?.total;
  const filtered = Boolean(filter.kind || filter.state);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  // A figure above links here ("#mina-uppgifter"): the list comes into view and its heading takes focus.
  useEffect(() => {
    if (location.hash !== `#${id}`) return;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [location.key, location.hash, id]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const search = new URLSearchParams();
    if (values.kind) search.set('kind', values.kind);
    if (values.state) search.set('state', values.state);
    markApplied(values);
    setParams(search, { preventScrollReset: true });
  }

  return (
    <section aria-labelledby={headingId} className="section" id={id}>
      <Heading level={3} data-size="sm" id={headingId} tabIndex={-1} className="focus-target" ref={headingRef}>
        {t('mine.tasksHeading')}
      </Heading>
      <form className="task-filters" noValidate onSubmit={onSubmit} aria-label={t('mine.filterLabel')}>
        <SelectField
          id="tasks-kind"
          label={t('mine.filterKind')}
          placeholder={t('mine.filterAll')}
          value={values.kind}
          onChange={(kind) => setValues((v) => ({ ...v, kind: kind as TaskKind | '' }))}
          options={TASK_KINDS.map((k) => ({ value: k, label: t(`mine.kind.${k}`) }))}
        />
        <SelectField
          id="tasks-state"
          label={t('mine.filterState')}
          placeholder={t('mine.filterAll')}
          value={values.state}
          onChange={(state) => setValues((v) => ({ ...v, state: state as TaskState | '' }))}
          options={TASK_STATES.map((s) => ({ value: s, label: t(`mine.state.${s}`) }))}
        />
        <div className="actions">
          <Button type="submit" variant="secondary">
            {t('mine.filterApply')}
          </Button>
        </div>
      </form>
      <div role="status" className="list-status">
        {tasks.isSuccess &&
          (items.length === 0
            ? filtered
              ? t('mine.emptyFiltered')
              : t('mine.empty')
            : typeof total === 'number'
              ? t('mine.countOf', { shown: items.length, count: total })
              : t('mine.count', { count: items.length }))}
      </div>
      {tasks.isPending && <Spinner aria-label={t('mine.loading')} />}
      {tasks.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(tasks.error, t('errors.unexpected'))}
        </Alert>
      )}
      {items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table task-table">
            <caption id={captionId} className="sr-only">
              {t('mine.tasksCaption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('mine.colWhat')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('mine.colAbout')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('mine.colDue')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('mine.colState')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('mine.colKind')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((task) => (
                <TaskRow key={`${task.kind}-${task.id}`} task={task} />
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {tasks.isSuccess && items.length === 0 && !filtered && <Paragraph data-size="sm">{t('mine.emptyNote')}</Paragraph>}
      <ShowMore
        hasMore={tasks.hasNextPage}
        loading={tasks.isFetchingNextPage}
        onMore={() => void tasks.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </section>
  );
}

function TaskRow({ task }: { task: Task }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useFollowUpLabels();
  return (
    <Table.Row tabIndex={-1}>
      <Table.Cell>
        <Link asChild>
          <RouterLink to={taskHref(task)}>{task.text}</RouterLink>
        </Link>
        <div className="cell-note task-note">
          {task.severity && <SeverityTag severity={task.severity} />}
          {task.handling && task.handling !== 'none' && <span>{labels.handling(task.handling)}</span>}
          {task.isNew && (
            <Tag data-color="info" data-size="sm">
              {t('mine.new')}
            </Tag>
          )}
        </div>
      </Table.Cell>
      <Table.Cell>
        {task.system ? (
          <Link asChild>
            <RouterLink to={`/systems/${task.system.id}`}>{task.system.name}</RouterLink>
          </Link>
        ) : (
          (task.subjectName ?? t('findings.installation'))
        )}
      </Table.Cell>
      <Table.Cell>
        {task.dueOn ? (
          <time dateTime={task.dueOn} className="nowrap">
            {formatDate(task.dueOn, locale)}
          </time>
        ) : (
          <span className="cell-note">{t('finding.noDue')}</span>
        )}
      </Table.Cell>
      <Table.Cell>
        <Tag data-color={STATE_COLOR[task.state]} data-size="sm">
          {labels.taskState(task.state)}
        </Tag>
      </Table.Cell>
      <Table.Cell>{labels.taskKind(task.kind)}</Table.Cell>
    </Table.Row>
  );
}
