import type { CartLine } from './buildRecoveryUrl';
import type { StepConfig } from './recoveryConfig';

export interface EmailPayload {
  firstName?: string;
  cart?: { id: string; items: Array<CartLine & { name: string; price: number; image?: string }>; value: number; currency: string; count: number };
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface RenderInput {
  step: StepConfig;
  storeName: string;
  payload: EmailPayload;
  restoreUrl: string;
  unsubscribeUrl: string;
  /** When the offer ends (the send time + its validity). */
  offerEndsAt?: Date;
  sequence: 'recovery' | 'winback';
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The email of one step: the step's texts with placeholders filled, the cart lines with images, the total, the restore button. */
export function renderRecoveryEmail({ step, storeName, payload, restoreUrl, unsubscribeUrl, offerEndsAt, sequence }: RenderInput): RenderedEmail {
  const cart = payload.cart;
  const money = (value: number) => new Intl.NumberFormat('en', { style: 'currency', currency: cart?.currency ?? 'EUR' }).format(value);
  const values: Record<string, string> = {
    firstName: payload.firstName ?? 'there',
    storeName,
    itemCount: String(cart?.count ?? 0),
    total: cart ? money(cart.value) : '',
    code: step.offer?.code ?? '',
    percentOff: String(step.offer?.percentOff ?? ''),
    validUntil: offerEndsAt ? offerEndsAt.toUTCString().replace(/:\d\d GMT$/, ' UTC') : '',
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  const subject = fill(step.subject);
  const intro = fill(step.intro);
  const why =
    sequence === 'recovery'
      ? `You got this email because you left items in your cart at ${storeName} and agreed to hear from us.`
      : `You got this email because you are a customer of ${storeName} and agreed to hear from us.`;
  const button = sequence === 'recovery' ? 'Return to your cart' : `Visit ${storeName}`;
  const lines = cart?.items ?? [];

  const text = [
    intro,
    '',
    ...lines.map((line) => `- ${line.name} x ${line.quantity}: ${money(line.price * line.quantity)}`),
    ...(cart ? [`Total: ${money(cart.value)}`, ''] : []),
    ...(step.offer ? [`Code ${step.offer.code}: ${step.offer.percentOff}% off until ${values.validUntil}`, ''] : []),
    `${button}: ${restoreUrl}`,
    '',
    why,
    `Unsubscribe: ${unsubscribeUrl}`,
  ].join('\n');

  const rows = lines
    .map(
      (line) => `<tr>
  <td style="padding:8px 0;width:72px">${line.image ? `<img src="${escapeHtml(line.image)}" alt="" width="64" height="64" style="border-radius:6px;object-fit:cover">` : ''}</td>
  <td style="padding:8px">${escapeHtml(line.name)} &times; ${line.quantity}</td>
  <td style="padding:8px 0;text-align:right">${escapeHtml(money(line.price * line.quantity))}</td>
</tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f4;font:16px/1.5 system-ui,sans-serif;color:#222">
<div style="max-width:560px;margin:auto;background:#fff;padding:24px;border-radius:8px">
<p style="font-weight:600;margin-top:0">${escapeHtml(storeName)}</p>
<p>${escapeHtml(intro)}</p>
${cart ? `<table role="presentation" style="width:100%;border-collapse:collapse">\n${rows}\n<tr><td></td><td style="padding:8px;font-weight:600">Total</td><td style="padding:8px 0;text-align:right;font-weight:600">${escapeHtml(money(cart.value))}</td></tr>\n</table>` : ''}
${step.offer ? `<p style="padding:12px;background:#fff6d6;border-radius:6px">Code <strong>${escapeHtml(step.offer.code)}</strong>: ${step.offer.percentOff}% off until ${escapeHtml(values.validUntil!)}</p>` : ''}
<p style="text-align:center;margin:24px 0"><a href="${escapeHtml(restoreUrl)}" style="display:inline-block;padding:12px 24px;background:#222;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(button)}</a></p>
<p style="font-size:13px;color:#666">${escapeHtml(why)} <a href="${escapeHtml(unsubscribeUrl)}" style="color:#666">Unsubscribe</a></p>
</div>
</body></html>`;
  return { subject, html, text };
}
