import { Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { useOrder, type AccessOrderDetail, type TrailStep } from '../../api/access-orders.ts';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { Day, OrderStateTag, RoleName, useAccessLabels } from './labels.tsx';
import { OrderActions } from './OrderActions.tsx';

/** /access-orders/:id — one order: its facts, the steps the caller may take, and its trail (who did what, when). */
export function OrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);

  if (isApiError(order.error) && order.error.status === 404) return <NotFoundPage />;
  if (order.isError && !order.data) return <LoadError error={order.error} />;
  if (!order.data) return <Spinner aria-label={t('access.order.loading')} />;
  return <OrderView order={order.data} />;
}

function OrderView({ order }: { order: AccessOrderDetail }) {
  const { t } = useTranslation();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const title = t(`access.orders.title.${order.kind}`, { role: order.accessRole.name });
  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/access-orders">{t('access.order.back')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={`${title} – ${order.system.name}`} />
      {created && (
        <FocusAlert color="success" focusKey={order.id}>
          {t(order.state === 'awaiting_approval' ? 'access.order.createdApproval' : 'access.order.createdExecution')}
        </FocusAlert>
      )}
      <OrderFacts order={order} />
      <OrderActions key={order.id} order={order} />
      <OrderTrail order={order} />
    </>
  );
}

/** What is ordered, for whom, by whom and why, and where the order stands — all in words. */
function OrderFacts({ order: o }: { order: AccessOrderDetail }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const locale = useLocale();
  const labels = useAccessLabels();
  const readsPeople = hasPermission(me, 'org:read');
  const waitsFor =
    o.state === 'awaiting_approval'
      ? t('access.order.waitsApproval')
      : o.state === 'awaiting_execution'
        ? t('access.order.waitsExecution')
        : null;
  return (
    <section aria-labelledby="order-facts-heading" className="section">
      <Heading level={2} data-size="sm" id="order-facts-heading">
        {t('access.order.factsHeading')}
      </Heading>
      <dl className="facts">
        <dt>{t('access.order.state')}</dt>
        <dd>
          <OrderStateTag order={o} />
          {waitsFor && <span className="cell-note"> {waitsFor}</span>}
        </dd>
        <dt>{t('access.order.kind')}</dt>
        <dd>{labels.orderKind(o.kind)}</dd>
        <dt>{t('access.order.system')}</dt>
        <dd>
          <Link asChild>
            <RouterLink to={`/systems/${o.system.id}?tab=access`}>{o.system.name}</RouterLink>
          </Link>
          <span className="cell-note"> {o.system.registerNo}</span>
        </dd>
        <dt>{t('access.order.role')}</dt>
        <dd>
          <RoleName role={o.accessRole} />
        </dd>
        <dt>{t('access.order.person')}</dt>
        <dd>
          {o.person ? (
            readsPeople ? (
              <Link asChild>
                <RouterLink to={`/people/${o.person.id}`}>{o.person.name}</RouterLink>
              </Link>
            ) : (
              o.person.name
            )
          ) : (
            <span className="cell-note">{t('access.noPerson')}</span>
          )}
          {o.account && <span className="cell-note"> {t('access.order.accountNote', { username: o.account.username })}</span>}
        </dd>
        <dt>{t('access.order.orderedBy')}</dt>
        <dd>
          {labels.orderedBy(o)} <span className="cell-note">{formatDateTime(o.orderedAt, locale)}</span>
        </dd>
        {o.reason && (
          <>
            <dt>{t('access.order.reason')}</dt>
            <dd className="access-trail__text">{o.reason}</dd>
          </>
        )}
        {o.kind === 'grant' && (
          <>
            <dt>{t('access.order.from')}</dt>
            <dd>
              <Day iso={o.validFrom} />
            </dd>
            <dt>{t('access.order.to')}</dt>
            <dd>
              <Day iso={o.validTo} none={t('access.untilFurther')} />
            </dd>
            <dt>{t('access.order.approval')}</dt>
            <dd>{t(o.approvalRequired ? 'access.order.approvalRequired' : 'access.order.approvalNotRequired')}</dd>
          </>
        )}
        {o.ticketRef && (
          <>
            <dt>{t('access.order.ticket')}</dt>
            <dd>{o.ticketRef}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** Every step, oldest first: ordered, approved or rejected, executed with its ticket, confirmed, cancelled — who and when. */
function OrderTrail({ order }: { order: AccessOrderDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useAccessLabels();
  const what = (s: TrailStep) => {
    if (s.step === 'ordered' && !s.by) return t('access.trail.orderedBy', { by: labels.orderedBy(order) });
    if (s.step === 'confirmed' && !s.by) return t('access.trail.confirmedByImport');
    return s.by ? t(`access.trail.${s.step}`, { by: s.by }) : t(`access.trail.${s.step}ByAnsvar`);
  };
  return (
    <section aria-labelledby="order-trail-heading" className="section">
      <Heading level={2} data-size="sm" id="order-trail-heading">
        {t('access.trail.heading')}
      </Heading>
      {order.trail.length === 0 ? (
        <Paragraph>{t('access.trail.empty')}</Paragraph>
      ) : (
        <ol className="access-trail">
          {order.trail.map((s, i) => (
            <li key={`${s.at}-${s.step}-${i}`}>
              <time dateTime={s.at}>{formatDateTime(s.at, locale)}</time>
              <div>
                <strong>{what(s)}</strong>
                {s.ticketRef && <div>{t('access.trail.ticket', { ticket: s.ticketRef })}</div>}
                {s.comment && <p className="access-trail__text">{s.comment}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
