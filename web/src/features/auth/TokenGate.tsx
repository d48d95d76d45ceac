import { Spinner } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';

interface Props<T> {
  /** Path to check the token, e.g. /api/setup/<token>; null when the link has no token. */
  path: string | null;
  /** Shown when the token is unknown or expired. */
  invalidText: string;
  children: (data: T) => ReactNode;
}

/** Checks a one-time link's token before showing its form. */
export function TokenGate<T>({ path, invalidText, children }: Props<T>) {
  const { t } = useTranslation();
  const check = useQuery({
    queryKey: ['token', path],
    queryFn: () => api.get<T>(path as string),
    enabled: path !== null,
    retry: false,
    staleTime: Infinity,
  });

  if (path === null || (isApiError(check.error) && check.error.status === 404)) {
    return <FocusAlert color="warning">{invalidText}</FocusAlert>;
  }
  if (check.isError) {
    return <FocusAlert color="danger">{isApiError(check.error) ? check.error.message : t('errors.unexpected')}</FocusAlert>;
  }
  if (check.isPending) return <Spinner aria-label={t('common.loading')} />;
  return <>{children(check.data)}</>;
}
