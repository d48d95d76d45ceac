/** Texts about org units and role assignments, in Swedish and English. */
export const sv = {} as const;

export const en: Record<keyof typeof sv, string> = {};
