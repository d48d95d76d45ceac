/** Texts of access (docs/ACCESS.md), in Swedish and English. */
export const sv = {
  'access.placeholder': 'access',
};

export const en: Record<keyof typeof sv, string> = {
  'access.placeholder': 'access',
};
