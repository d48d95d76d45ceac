import { Link, Tag } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { AccountStatus, AccountType, GrantEndReason, GrantOrigin } from '../../api/access.ts';
import type { AccessOrder, OrderKind, OrderOrigin, OrderState } from '../../api/access-orders.ts';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import './access.css';

/** The access model's codes (account types and statuses, origins, end reasons, order states) as words. */
export function useAccessLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      accountType: (v: AccountType) => t(`access.accountType.${v}`),
      accountStatus: (v: AccountStatus) => t(`access.accountStatus.${v}`),
      origin: (v: GrantOrigin) => t(`access.origin.${v}`),
      endReason: (v: GrantEndReason) => t(`access.endReason.${v}`),
      orderKind: (v: OrderKind) => t(`access.orderKind.${v}`),
      orderState: (v: OrderState) => t(`access.orderState.${v}`),
      /** Who or what made an order, in the user's words: the orderer, "Personen har slutat", … */
      orderedBy: (o: Pick<AccessOrder, 'origin' | 'orderer'>) =>
        o.origin === 'ordered'
          ? (o.orderer?.name ?? t('access.orderOrigin.someone'))
          : t(`access.orderOrigin.${o.origin as Exclude<OrderOrigin, 'ordered'>}`),
    }),
    [t],
  );
}

/** "Privilegierad" as a word in a tag: the colour only repeats it. */
export function PrivilegedTag() {
  const { t } = useTranslation();
  return (
    <Tag data-color="warning" data-size="sm" className="access-tag">
      {t('access.privileged')}
    </Tag>
  );
}

/** An access role's name, with the privileged tag after it when it is privileged. */
export function RoleName({ role }: { role: { name: string; privileged: boolean } }) {
  return (
    <span className="access-role-name">
      {role.name}
      {role.privileged && (
        <>
          {' '}
          <PrivilegedTag />
        </>
      )}
    </span>
  );
}

/** A day written the one way ("2 dec. 2026"), or the text for none. */
export function Day({ iso, none }: { iso: string | null | undefined; none?: string }) {
  const locale = useLocale();
  if (!iso) return <span className="cell-note">{none ?? '–'}</span>;
  return (
    <time dateTime={iso} className="nowrap">
      {formatDate(iso, locale)}
    </time>
  );
}

/** How a grant came: from an order (a link to it), the user list, or before Ansvar. */
export function OriginText({ grant }: { grant: { origin: GrantOrigin; orderId: string | null } }) {
  const labels = useAccessLabels();
  if (grant.origin === 'order' && grant.orderId) {
    return (
      <Link asChild>
        <RouterLink to={`/access-orders/${grant.orderId}`}>{labels.origin('order')}</RouterLink>
      </Link>
    );
  }
  return <>{labels.origin(grant.origin)}</>;
}

/** An order's state as a word in a tag; a done removal not yet confirmed says so. */
export function OrderStateTag({ order }: { order: Pick<AccessOrder, 'state' | 'kind' | 'confirmedAt'> }) {
  const { t } = useTranslation();
  const labels = useAccessLabels();
  const color = STATE_COLOR[order.state];
  const unconfirmed = order.kind === 'removal' && order.state === 'done' && !order.confirmedAt;
  return (
    <Tag data-color={unconfirmed ? 'info' : color} data-size="sm" className="access-tag">
      {unconfirmed ? t('access.orderState.doneUnconfirmed') : labels.orderState(order.state)}
    </Tag>
  );
}

const STATE_COLOR: Record<OrderState, 'warning' | 'info' | 'success' | 'danger' | 'neutral'> = {
  awaiting_approval: 'warning',
  awaiting_execution: 'info',
  done: 'success',
  rejected: 'danger',
  cancelled: 'neutral',
};
