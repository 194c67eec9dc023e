import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Whether a request may read shoppers' data (the dashboard and /api/*): it carries the token
 * as `Authorization: Bearer <token>`, or as the password of HTTP Basic auth (what a browser
 * sends to the dashboard and, being same-origin, to its API calls). No token: open (loopback only).
 */
export function checkReadAccess(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const header = req.headers.authorization ?? '';
  const [scheme, value = ''] = header.split(' ', 2);
  let given = '';
  if (scheme?.toLowerCase() === 'bearer') given = value;
  else if (scheme?.toLowerCase() === 'basic') given = Buffer.from(value, 'base64').toString('utf8').replace(/^[^:]*:/, '');
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 127.0.0.0/8, ::1 and localhost: nobody else can connect. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
