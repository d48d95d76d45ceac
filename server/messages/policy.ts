/** Texts about the policy pack and its rules, in Swedish and English. */
export const sv = {} as const;

export const en: Record<keyof typeof sv, string> = {};
