import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LinkClaims {
  /** `r` restores a cart, `u` unsubscribes. */
  kind: 'r' | 'u';
  /** The recovery job (its id holds the abandonment id, never an email). */
  job: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

/** `<claims as base64url JSON>.<HMAC-SHA256 of them, base64url>`: tamper-evident, no personal data. */
export function signLink(secret: string, claims: LinkClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

/** The claims of a token this secret signed, of this kind and not expired; else undefined (never why). */
export function verifyLink(secret: string, token: string, kind: LinkClaims['kind'], now: Date): LinkClaims | undefined {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: LinkClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (claims.kind !== kind || typeof claims.job !== 'string' || !(claims.exp * 1000 > now.getTime())) return undefined;
  return claims;
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
