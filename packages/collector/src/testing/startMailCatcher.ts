import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Header lines as sent, by lower-case name (folded lines joined). */
  header(name: string): string | undefined;
  receivedAt: Date;
}

export interface MailCatcher {
  /** e.g. smtp://127.0.0.1:41234 — what the collector's SMTP_URL is set to. */
  smtpUrl: string;
  mails: CaughtMail[];
  /** Answers the next `count` messages with this SMTP error (e.g. 451 or 550) instead of accepting them. */
  failNext(code: number, count?: number): void;
  /** Resolves when `count` mails have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that keeps what it receives in memory: the
 * tests' receiver and the demo's local mail catcher. No TLS and any login: loopback only.
 */
export async function startMailCatcher(onMail?: (mail: CaughtMail) => void): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  let failures: { code: number; left: number } | undefined;
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    // A sender's pooled connection would otherwise hold close() for 30 s.
    closeTimeout: 500,
    logger: false,
    onData(stream, session, callback) {
      if (failures && failures.left > 0) {
        failures.left -= 1;
        stream.resume();
        const error = Object.assign(new Error(failures.code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: failures.code });
        return stream.on('end', () => callback(error));
      }
      simpleParser(stream)
        .then((parsed) => {
          const mail: CaughtMail = {
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', '),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            header: (name) => {
              const line = parsed.headerLines.find((header) => header.key === name.toLowerCase())?.line;
              return line?.replace(/\r?\n\s+/g, ' ').replace(/^[^:]*:\s*/, '');
            },
            receivedAt: new Date(),
          };
          mails.push(mail);
          onMail?.(mail);
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();

  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    mails,
    failNext(code, count = 1) {
      failures = { code, left: count };
    },
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (mails.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(mails);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Waited ${timeoutMs} ms for ${count} mails; ${mails.length} arrived.`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
