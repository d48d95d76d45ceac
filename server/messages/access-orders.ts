/** Texts of access orders (docs/ACCESS.md), in Swedish and English. */
export const sv = {
  'access-orders.placeholder': 'access-orders',
};

export const en: Record<keyof typeof sv, string> = {
  'access-orders.placeholder': 'access-orders',
};
