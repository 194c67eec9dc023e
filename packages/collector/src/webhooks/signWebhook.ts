import { createHmac } from 'node:crypto';

/**
 * The `Cartback-Signature` header, as Stripe signs: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">`. The receiver recomputes it with the shared secret and rejects a timestamp
 * older than a few minutes, so a captured request cannot be replayed later.
 */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}
