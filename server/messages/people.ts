/** Texts about people and the HR import, in Swedish and English. */
export const sv = {} as const;

export const en: Record<keyof typeof sv, string> = {};
