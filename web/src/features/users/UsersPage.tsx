import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { formatDateTime } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { useReturnFocus } from '../../components/returnFocus.ts';
import { ShowMore } from '../../components/ShowMore.tsx';
import { createPasswordReset, endSessions, useUsers, type CreatedResetLink, type UserSummary } from '../../api/users.ts';
import { GrantsDialog } from './GrantsDialog.tsx';
import { InviteForm } from './InviteForm.tsx';
import { LinkResult } from './LinkResult.tsx';
import { UsersTable } from './UsersTable.tsx';

/** /admin/users — who has access to Ansvar; administrators invite people, make password reset links and end sessions. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  // Granskare read the list; only those who manage users invite and end sessions.
  const canManage = hasPermission(me, 'users:manage');
  const users = useUsers();
  const tableRef = useRef<HTMLTableElement>(null);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [grantsFor, setGrantsFor] = useState<UserSummary | null>(null);
  const grantsFocus = useReturnFocus();
  const locale = useLocale();
  const [resetLink, setResetLink] = useState<{ link: CreatedResetLink; user: UserSummary } | null>(null);

  const reset = useMutation({
    mutationFn: (user: UserSummary) => createPasswordReset(user.id),
    onMutate: () => {
      setStatus(null);
      setResetLink(null);
    },
    onSuccess: (link, user) => setResetLink({ link, user }),
    onError: (error, user) =>
      setStatus({
        text: t('users.resetFailed', { name: user.name, reason: messageOf(error, t('errors.unexpected')) }),
        error: true,
      }),
  });

  const end = useMutation({
    mutationFn: (user: UserSummary) => endSessions(user.id),
    onMutate: () => {
      setStatus(null);
      setResetLink(null);
    },
    onSuccess: (_, user) => setStatus({ text: t('users.sessionsEnded', { name: user.name }), error: false }),
    onError: (error, user) =>
      setStatus({
        text: t('users.sessionsEndFailed', {
          name: user.name,
          reason: isApiError(error) ? error.message : t('errors.unexpected'),
        }),
        error: true,
      }),
  });

  return (
    <>
      <PageHeading title={t('users.title')} />
      <Paragraph>{t(canManage ? 'users.intro' : 'users.introReadOnly')}</Paragraph>
      {canManage && <InviteForm />}
      <section aria-labelledby="users-list-heading" className="section">
        <Heading level={2} data-size="sm" id="users-list-heading">
          {t('users.listHeading')}
        </Heading>
        {/* Results of "End sessions" are announced here; the region exists before it changes. */}
        <div role="status" className="list-status">
          {status && <Alert data-color={status.error ? 'danger' : 'success'}>{status.text}</Alert>}
        </div>
        {resetLink && (
          <LinkResult
            link={resetLink.link}
            heading={t('users.resetCreated', { name: resetLink.user.name })}
            text={t('users.resetSendLink', {
              name: resetLink.user.name,
              email: resetLink.user.email,
              time: formatDateTime(resetLink.link.expiresAt, locale),
            })}
            linkLabel={t('users.resetLink')}
            inputId="reset-link"
          />
        )}
        {users.isPending && <Spinner aria-label={t('users.loading')} />}
        {users.isError && !users.isFetchNextPageError && (
          <Alert data-color="danger" role="alert">
            {isApiError(users.error) ? users.error.message : t('errors.unexpected')}
          </Alert>
        )}
        {users.isSuccess && items.length === 0 && <Paragraph>{t('users.empty')}</Paragraph>}
        {items.length > 0 && (
          <UsersTable
            users={items}
            currentUserId={me.id}
            canReadOrg={hasPermission(me, 'org:read')}
            tableRef={tableRef}
            endingFor={end.isPending ? (end.variables?.id ?? null) : null}
            onEndSessions={
              canManage
                ? (user) => {
                    if (!end.isPending) end.mutate(user);
                  }
                : undefined
            }
            resettingFor={reset.isPending ? (reset.variables?.id ?? null) : null}
            onResetPassword={
              canManage
                ? (user) => {
                    if (!reset.isPending) reset.mutate(user);
                  }
                : undefined
            }
            onGrants={
              canManage
                ? (user) => {
                    grantsFocus.remember();
                    setGrantsFor(user);
                  }
                : undefined
            }
          />
        )}
        {users.isFetchNextPageError && (
          <Alert data-color="danger" role="alert">
            {isApiError(users.error) ? users.error.message : t('errors.unexpected')}
          </Alert>
        )}
        {grantsFor && (
          <GrantsDialog
            user={grantsFor}
            onClose={() => {
              setGrantsFor(null);
              grantsFocus.restore();
            }}
          />
        )}
        <ShowMore
          hasMore={users.hasNextPage}
          loading={users.isFetchingNextPage}
          onMore={() => void users.fetchNextPage()}
          count={items.length}
          tableRef={tableRef}
        />
      </section>
    </>
  );
}
