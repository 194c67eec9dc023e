import { Component } from 'preact';
import { fill, type Copy } from '../copy/copy.js';
import { formatCountdown } from './formatCountdown.js';
import type { ShownOffer } from './getOffer.js';

interface OfferProps {
  copy: Copy;
  offer: ShownOffer;
  now(): number;
}

/**
 * The offer and, if it expires, a live countdown; gone when the time is up. A class, not
 * hooks: preact/hooks would cost the chunk about 1 KB gzipped for this one timer.
 */
export class Offer extends Component<OfferProps> {
  timer?: ReturnType<typeof setTimeout>;

  getTimeLeft() {
    const { expiresAt } = this.props.offer;
    return expiresAt === undefined ? Infinity : expiresAt - this.props.now();
  }

  override componentDidMount() {
    clearTimeout(this.timer);
    const left = this.getTimeLeft();
    // Wake when the displayed second changes, not a fixed 1000 ms later, so it never drifts.
    if (left > 0 && left < Infinity) this.timer = setTimeout(() => this.forceUpdate(), left % 1000 || 1000);
  }

  override componentDidUpdate() {
    this.componentDidMount();
  }

  override componentWillUnmount() {
    clearTimeout(this.timer);
  }

  render({ copy, offer }: OfferProps) {
    const left = this.getTimeLeft();
    if (left <= 0) return null;
    const code = <code part="code">{offer.code}</code>;
    return (
      <p part="offer">
        {offer.percentOff ? fill(copy.offer, { percent: offer.percentOff, code }) : fill(copy.offerCode, { code })}
        {left < Infinity && <span part="countdown">{fill(copy.expires, { time: formatCountdown(left) })}</span>}
      </p>
    );
  }
}
