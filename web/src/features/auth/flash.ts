/** Messages handed to the sign-in page through navigation state. */
export type LoginFlash = 'setupDone' | 'inviteAccepted' | 'passwordReset' | 'signedOut' | 'signedOutEverywhere';

export interface LoginState {
  flash?: LoginFlash;
  email?: string;
}

export function readLoginState(state: unknown): LoginState {
  if (!state || typeof state !== 'object') return {};
  const { flash, email } = state as Record<string, unknown>;
  const flashes: LoginFlash[] = ['setupDone', 'inviteAccepted', 'passwordReset', 'signedOut', 'signedOutEverywhere'];
  return {
    flash: flashes.includes(flash as LoginFlash) ? (flash as LoginFlash) : undefined,
    email: typeof email === 'string' ? email : undefined,
  };
}

/** Only same-site paths: "/audit" yes, "//evil.example" or "https://…" no. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}
