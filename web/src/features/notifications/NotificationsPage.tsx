import { Alert, Button, Checkbox, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { markNotificationsRead, notificationKeys, useNotifications, type Notification } from '../../api/notifications.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import './notifications.css';

/**
 * /notifications — what happened that concerns the signed-in person (assigned, due soon, overdue, a risk to
 * approve, approved or rejected, expired), newest first, each linking to its finding. Opening one marks it read;
 * so do its button and "Markera alla som lästa".
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const captionId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const list = useNotifications(unreadOnly);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const first = list.data?.pages[0];
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);

  const mark = useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: async (result, body) => {
      if ('all' in body) setNotice({ text: t('notifications.allMarked', { count: result.marked }), at: Date.now() });
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });

  function open(n: Notification, href: string) {
    if (!n.read) mark.mutate({ ids: [n.id] });
    void navigate(href);
  }

  return (
    <>
      <PageHeading title={t('notifications.title')} />
      <Paragraph>{t('notifications.intro')}</Paragraph>
      {notice && (
        <FocusAlert color="success" focusKey={notice.at}>
          {notice.text}
        </FocusAlert>
      )}
      {mark.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(mark.error, t('errors.unexpected'))}
        </Alert>
      )}
      <div className="notifications-bar">
        <Checkbox
          label={t('notifications.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => setParams(e.target.checked ? { unread: 'true' } : {}, { replace: true })}
        />
        {first && first.unread > 0 && (
          <Button
            variant="secondary"
            loading={mark.isPending && 'all' in (mark.variables ?? {})}
            onClick={() => mark.mutate({ all: true })}
          >
            {t('notifications.markAll', { count: first.unread })}
          </Button>
        )}
      </div>
      <div role="status" className="list-status">
        {list.isSuccess &&
          (items.length === 0
            ? unreadOnly
              ? t('notifications.emptyUnread')
              : t('notifications.empty')
            : t('notifications.count', { count: first?.total ?? items.length }))}
      </div>
      {list.isPending && <Spinner aria-label={t('notifications.loading')} />}
      {list.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(list.error, t('errors.unexpected'))}
        </Alert>
      )}
      {items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table notifications-table">
            <caption id={captionId} className="sr-only">
              {t('notifications.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('notifications.colWhat')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('notifications.colWhen')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('notifications.colRead')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="sr-only">{t('notifications.colAction')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((n) => {
                const href = n.path;
                return (
                  <Table.Row key={n.id} tabIndex={-1} className={n.read ? undefined : 'notification--unread'}>
                    <Table.Cell>
                      {href ? (
                        <Link asChild>
                          <RouterLink
                            to={href}
                            onClick={(e) => {
                              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                              e.preventDefault();
                              open(n, href);
                            }}
                          >
                            {n.text}
                          </RouterLink>
                        </Link>
                      ) : (
                        n.text
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <time dateTime={n.createdAt} className="nowrap">
                        {formatDateTime(n.createdAt, locale)}
                      </time>
                    </Table.Cell>
                    <Table.Cell>
                      {n.read ? (
                        t('notifications.read')
                      ) : (
                        <Tag data-color="info" data-size="sm">
                          {t('notifications.unread')}
                        </Tag>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {!n.read && (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          disabled={mark.isPending}
                          onClick={() => mark.mutate({ ids: [n.id] })}
                          aria-label={t('notifications.markOneLabel', { text: n.text })}
                        >
                          {t('notifications.markOne')}
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </>
  );
}
