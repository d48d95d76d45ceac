/** Texts of access reviews (docs/ACCESS.md), in Swedish and English. */
export const sv = {
  'access-reviews.placeholder': 'access-reviews',
};

export const en: Record<keyof typeof sv, string> = {
  'access-reviews.placeholder': 'access-reviews',
};
