import type { MatrixCell, MatrixItem } from '../../api/matrix.ts';
import type { ResponsibleParty } from '../../api/policy.ts';

/**
 * Who a held cell names first: the party of the area's accountable responsibility (else the first), and
 * how many other parties the area has. The status itself comes from the server.
 */
export function leadOf(cell: MatrixCell): { party: ResponsibleParty | null; more: number } {
  const all = cell.responsibilities.flatMap((r) => r.parties);
  const lead = cell.responsibilities.find((r) => r.capacity === 'accountable' && r.parties.length) ?? cell.responsibilities.find((r) => r.parties.length);
  const party = lead?.parties[0] ?? null;
  return { party, more: party ? Math.max(0, new Set(all.map(partyKey)).size - 1) : 0 };
}

const partyKey = (p: ResponsibleParty): string => (p.type === 'collective' ? `${p.key}:${p.roleKey ?? ''}` : `${p.type}:${p.id}`);

/** The rows in groups by förvaltning (in the order each first appears), or one group of all rows. */
export function groupsOf(items: MatrixItem[], grouped: boolean): Array<{ key: string; name: string | null; items: MatrixItem[] }> {
  if (!grouped) return [{ key: 'all', name: null, items }];
  const groups = new Map<string, { key: string; name: string | null; items: MatrixItem[] }>();
  for (const item of items) {
    const key = item.system.forvaltning?.id ?? '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key: key || 'none', name: item.system.forvaltning?.name ?? null, items: [] }));
    group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'sv')));
}
