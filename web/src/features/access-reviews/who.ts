import { useState } from 'react';
import type { Me } from '../../api/types.ts';

/**
 * An administrator (app role, anywhere) may start a campaign; the server checks that their grant reaches the owning
 * unit of every system in the scope, and says so at the field when it does not.
 */
export const isAdministrator = (me: Me): boolean => me.roles.some((g) => g.role === 'administrator');

/**
 * A choice kept in the URL (a radio button's), shown at once: until the router has moved to the new address the
 * value the user picked is shown, so a controlled radio button does not spring back for a moment.
 */
export function useUrlChoice<T>(fromUrl: T, urlKey: string): readonly [T, (value: T) => void] {
  const [chosen, setChosen] = useState<{ key: string; value: T } | null>(null);
  const value = chosen && chosen.key === urlKey ? chosen.value : fromUrl;
  return [value, (v: T) => setChosen({ key: urlKey, value: v })] as const;
}
