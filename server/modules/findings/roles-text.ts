import type { Pack } from '../../policy/schema.ts';

/** Roles named as the pack names them, in the caller's language, for messages ("systemägare eller IT-chef"). */
export function roleNames(pack: Pack, keys: readonly string[], locale: 'sv' | 'en'): string {
  const names = keys.map((k) => pack.roles.find((r) => r.key === k)?.name[locale] ?? k);
  return names.join(locale === 'sv' ? ' eller ' : ' or ');
}
