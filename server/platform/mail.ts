import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

/**
 * E-mail through SMTP (SMTP_URL, docs/FOLLOW-UP.md): a thin wrapper over nodemailer. A send is bounded in time
 * and a failure is thrown with the server's reason, for the caller to log and retry; nothing here retries or
 * writes anything. The sender is the `from` parameter of SMTP_URL (`smtp://host:587?from=ansvar@kommun.se`),
 * else `ansvar@<the host of PUBLIC_URL>`.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** The longest one message may take, connection included. */
export const SEND_TIMEOUT_MS = 20_000;

export const mailConfigured = (config: Pick<Config, 'smtpUrl'>): boolean => Boolean(config.smtpUrl);

/**
 * The transport's URL from SMTP_URL, with `from` taken out (it is the sender, not an option) and the connection's
 * timeouts set unless SMTP_URL sets them (nodemailer reads its options from the URL's query).
 */
export function smtpOptions(smtpUrl: string, publicUrl: string, timeoutMs = SEND_TIMEOUT_MS): { url: string; from: string } {
  const url = new URL(smtpUrl);
  const from = url.searchParams.get('from')?.trim() || `Ansvar <ansvar@${new URL(publicUrl).hostname}>`;
  url.searchParams.delete('from');
  const connect = String(Math.min(timeoutMs, 10_000));
  for (const [key, value] of [['connectionTimeout', connect], ['greetingTimeout', connect], ['socketTimeout', String(timeoutMs)]] as const) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  return { url: url.toString(), from };
}

/**
 * A connection for a run of messages (the send job opens one per run, and closes it). Each message gets
 * SEND_TIMEOUT_MS at most: then the attempt is abandoned with a timeout error.
 */
export function openMailer(config: Pick<Config, 'smtpUrl' | 'publicUrl'>, timeoutMs = SEND_TIMEOUT_MS): Mailer {
  if (!config.smtpUrl) throw new Error('SMTP_URL is not set');
  const { url, from } = smtpOptions(config.smtpUrl, config.publicUrl, timeoutMs);
  const transport = nodemailer.createTransport(url, { from });
  return {
    async send(message) {
      const signal = AbortSignal.timeout(timeoutMs);
      let timer: NodeJS.Timeout | undefined;
      // The signal stops nodemailer's own work; the timer makes sure the caller is not held longer whatever happens.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`SMTP send timed out after ${timeoutMs} ms`)), timeoutMs + 1000);
      });
      try {
        await Promise.race([
          transport.sendMail({ to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}), signal }),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** Sends one message on a connection of its own. Throws the reason when it fails. */
export async function sendMail(config: Pick<Config, 'smtpUrl' | 'publicUrl'>, message: MailMessage, timeoutMs = SEND_TIMEOUT_MS): Promise<void> {
  const mailer = openMailer(config, timeoutMs);
  try {
    await mailer.send(message);
  } finally {
    mailer.close();
  }
}
