import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../readBody';
import { buildRecoveryUrl } from './buildRecoveryUrl';
import type { RecoveryEngine } from './createRecoveryEngine';
import type { EmailPayload } from './renderRecoveryEmail';
import type { RecoveryConfig } from './recoveryConfig';
import { verifyLink } from './signLink';

export interface LinkDeps {
  engine: RecoveryEngine;
  config: RecoveryConfig;
  now?: () => Date;
}

const pageHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, pageHeaders);
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1 style="font-size:1.25rem">${title}</h1>${body}</body></html>`);
}

/** The same answer for a tampered, expired or unknown link: it tells a prober nothing. */
const invalid = (res: ServerResponse) => page(res, 404, 'This link is not valid', '<p>It may have expired. Visit the shop to see your cart.</p>');

/**
 * GET /r/<token>: a restore link. Records the click on its job and redirects to the store's
 * restoreUrl with the cart filled in and `cb_recover`, so the order is attributed to a link.
 */
export async function handleRestoreLink(_req: IncomingMessage, res: ServerResponse, url: URL, { engine, config, now = () => new Date() }: LinkDeps) {
  const claims = verifyLink(config.secret, url.pathname.slice('/r/'.length), 'r', now());
  const job = claims && (await engine.store.findJob(claims.job));
  if (!job) return invalid(res);
  await engine.store.markClicked(job.id, now().toISOString());
  const payload = JSON.parse(job.payload) as EmailPayload;
  const offer = (job.sequence === 'recovery' ? config.recovery : config.winBack).steps[job.step]?.offer;
  const target = payload.cart
    ? buildRecoveryUrl(config.store.restoreUrl, payload.cart, offer?.code, job.subject)
    : new URL('/', config.store.restoreUrl).href;
  res.writeHead(303, { Location: target, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  res.end();
}

/**
 * /u/<token>: GET shows a confirmation button (mail scanners follow GET links, so GET alone
 * does not unsubscribe); POST unsubscribes, including RFC 8058's one-click POST
 * (`List-Unsubscribe=One-Click`) sent by mailbox providers.
 */
export async function handleUnsubscribe(req: IncomingMessage, res: ServerResponse, url: URL, { engine, config, now = () => new Date() }: LinkDeps) {
  const claims = verifyLink(config.secret, url.pathname.slice('/u/'.length), 'u', now());
  const job = claims && (await engine.store.findJob(claims.job));
  if (req.method === 'POST') await readBody(req, 4096, 10_000).catch(() => undefined);
  if (!job) return invalid(res);
  if (req.method !== 'POST') {
    return page(
      res,
      200,
      `Unsubscribe from ${escape(config.store.name)}`,
      `<form method="post"><p>Stop all cart reminders and offers from ${escape(config.store.name)} to this address.</p><button type="submit">Unsubscribe</button></form>`,
    );
  }
  await engine.store.suppress(job.email, 'unsubscribed', now().toISOString());
  await engine.store.stopQueued({ email: job.email }, 'unsubscribed');
  page(res, 200, 'You are unsubscribed', `<p>${escape(config.store.name)} will not send you cart reminders again.</p>`);
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
