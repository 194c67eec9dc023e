import type { ReadonlySignal } from '@preact/signals';
import { fill, type Copy } from '../copy/copy.js';
import { formatCountdown } from './formatCountdown.js';
import type { ShownOffer } from './getOffer.js';

interface OfferProps {
  copy: Copy;
  offer: ShownOffer;
  /** The time left, if the offer expires (createCountdown): reading it re-renders only this. */
  timeLeft?: ReadonlySignal<number> | undefined;
}

/** The offer and, if it expires, a live countdown; gone when the time is up. */
export function Offer({ copy, offer, timeLeft }: OfferProps) {
  const left = timeLeft ? timeLeft.value : Infinity;
  if (left <= 0) return null;
  const code = <code part="code">{offer.code}</code>;
  return (
    <p part="offer">
      {offer.percentOff ? fill(copy.offer, { percent: offer.percentOff, code }) : fill(copy.offerCode, { code })}
      {left < Infinity && <span part="countdown">{fill(copy.expires, { time: formatCountdown(left) })}</span>}
    </p>
  );
}
