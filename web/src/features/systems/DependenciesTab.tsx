import { Alert, Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { messageOf, useFormErrors } from '../../components/forms.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { addDependency, removeDependency, type System, type SystemRef } from '../../api/systems.ts';
import { LIFECYCLE_COLOR, useSystemLabels } from '../shared/systemLabels.ts';
import { SystemPicker } from '../shared/SystemPicker.tsx';
import { useSystemRefresh } from './SystemStatus.tsx';

/** The systems this one depends on (added and removed here) and the systems that depend on it. */
export function DependenciesTab({ system }: { system: System }) {
  const { t } = useTranslation();
  const refresh = useSystemRefresh(system.id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const canEdit = system.can.edit && system.lifecycle !== 'retired';

  const remove = useMutation({
    mutationFn: (other: SystemRef) => removeDependency(system.id, other.id),
    onSuccess: (updated, other) => {
      refresh(updated);
      setStatus(t('systems.dependencies.removed', { name: other.name }));
      window.requestAnimationFrame(() => headingRef.current?.focus());
    },
  });

  const onRemove = (other: SystemRef) => {
    if (remove.isPending) return;
    setStatus(null);
    remove.mutate(other);
  };

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm" ref={headingRef} tabIndex={-1} className="focus-target">
        {t('systems.dependencies.heading')}
      </Heading>
      <Paragraph>{t('systems.dependencies.intro')}</Paragraph>
      <div role="status" className="list-status">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>
      {remove.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(remove.error, t('errors.unexpected'))}
        </Alert>
      )}
      <DependencyTable
        heading={t('systems.dependencies.dependsOn', { name: system.name })}
        empty={t('systems.dependencies.noDependencies')}
        items={system.dependencies}
        onRemove={canEdit ? onRemove : undefined}
        removing={remove.isPending ? remove.variables?.id : undefined}
      />
      <DependencyTable
        heading={t('systems.dependencies.dependents', { name: system.name })}
        empty={t('systems.dependencies.noDependents')}
        items={system.dependents}
      />
      {canEdit && (
        <AddDependencyForm
          system={system}
          onAdded={(updated, name) => {
            refresh(updated);
            setStatus(t('systems.dependencies.added', { name }));
          }}
        />
      )}
    </div>
  );
}

function DependencyTable({
  heading,
  empty,
  items,
  onRemove,
  removing,
}: {
  heading: string;
  empty: string;
  items: SystemRef[];
  onRemove?: (other: SystemRef) => void;
  /** The system whose dependency is being removed. */
  removing?: string | undefined;
}) {
  const { t } = useTranslation();
  const labels = useSystemLabels();
  const captionId = useId();
  return (
    // The heading names the scrollable table region (a labelled section would repeat that name).
    <div className="section">
      <Heading level={3} data-size="xs" id={captionId}>
        {heading}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <TableScroll captionId={captionId}>
          <Table zebra className="data-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('systems.fields.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systems.columns.lifecycle')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systems.dependencies.description')}</Table.HeaderCell>
                {onRemove && <Table.HeaderCell scope="col">{t('unitRoles.colActions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((other) => (
                <Table.Row key={other.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/systems/${other.id}`}>{other.name}</RouterLink>
                    </Link>
                    <div className="cell-note">{other.registerNo}</div>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={LIFECYCLE_COLOR[other.lifecycle]} data-size="sm">
                      {labels.lifecycle(other.lifecycle)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>{other.description ?? <span className="muted">{t('common.none')}</span>}</Table.Cell>
                  {onRemove && (
                    <Table.Cell>
                      <Button variant="tertiary" data-size="sm" loading={removing === other.id} onClick={() => onRemove(other)}>
                        {t('systems.dependencies.remove', { name: other.name })}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}

const FIELDS = ['dependsOnId', 'description'] as const;

function AddDependencyForm({ system, onAdded }: { system: System; onAdded: (updated: System, name: string) => void }) {
  const { t } = useTranslation();
  const [dependsOnId, setDependsOnId] = useState('');
  const [description, setDescription] = useState('');
  const [pickerKey, setPickerKey] = useState(0);
  const errors = useFormErrors(FIELDS, 'add-dependency');

  const add = useMutation({
    mutationFn: () => addDependency(system.id, dependsOnId, description.trim() || null),
    onSuccess: (updated) => {
      const name = updated.dependencies.find((d) => d.id === dependsOnId)?.name ?? '';
      setDependsOnId('');
      setDescription('');
      setPickerKey((k) => k + 1);
      onAdded(updated, name);
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    if (!dependsOnId) {
      errors.showClientErrors({ dependsOnId: t('systems.dependencies.chooseSystem') });
      return;
    }
    errors.clear();
    add.mutate();
  }

  return (
    <section aria-labelledby="add-dependency-heading" className="section subsection">
      <Heading level={3} data-size="xs" id="add-dependency-heading">
        {t('systems.dependencies.addHeading')}
      </Heading>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SystemPicker
          key={pickerKey}
          id={errors.id('dependsOnId')}
          legend={t('systems.dependencies.other')}
          value={dependsOnId}
          onChange={setDependsOnId}
          error={errors.fields.dependsOnId}
          excludeIds={[system.id, ...system.dependencies.map((d) => d.id)]}
        />
        <Textfield
          id={errors.id('description')}
          label={t('systems.dependencies.description')}
          description={t('systems.dependencies.descriptionHint')}
          autoComplete="off"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.fields.description}
        />
        <div className="actions">
          <Button type="submit" loading={add.isPending}>
            {t('systems.dependencies.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
