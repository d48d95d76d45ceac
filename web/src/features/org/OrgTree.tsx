import { Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { TreeNode } from '../../api/org.ts';
import { useUnitDescription } from './labels.ts';

interface Props {
  nodes: TreeNode[];
  /** Names the outermost list (e.g. "Organisationsträd"). */
  label: string;
}

/**
 * The organisation as nested lists of links. Screen readers announce the list level and size,
 * so the structure is heard as well as seen; kind, function and status are written out.
 */
export function OrgTree({ nodes, label }: Props) {
  return (
    <ul className="org-tree" aria-label={label}>
      {nodes.map((node) => (
        <TreeItem key={node.unit.id} node={node} />
      ))}
    </ul>
  );
}

function TreeItem({ node }: { node: TreeNode }) {
  const { t } = useTranslation();
  const describe = useUnitDescription();
  const { unit } = node;
  return (
    <li>
      <span className={unit.status === 'inactive' ? 'org-tree__unit org-tree__unit--inactive' : 'org-tree__unit'}>
        <Link asChild>
          <RouterLink to={`/organisation/${unit.id}`}>{unit.name}</RouterLink>
        </Link>{' '}
        <span className="muted">({describe(unit)})</span>
      </span>
      {node.children.length > 0 && (
        <ul aria-label={t('org.subUnitsOf', { name: unit.name })}>
          {node.children.map((child) => (
            <TreeItem key={child.unit.id} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}
