import type { CartSnapshot } from '@cartback/core';
import type { ReadonlySignal } from '@preact/signals';
import { Component, createRef } from 'preact';
import { Disclosure } from '../Disclosure.js';
import { CartLines } from './CartLines.js';
import { EmailForm } from './EmailForm.js';
import { formatMoney } from '../lib/formatMoney.js';
import type { WidgetCopy } from '../copy/getCopy.js';
import type { ShownOffer } from './getOffer.js';
import type { DismissHow } from '../internal.js';
import { Offer } from './Offer.js';
import { getFocusable } from './trapFocus.js';

/** `copy`, `lang` and `dir` come from getCopy. */
export interface ModalProps extends WidgetCopy {
  cart: CartSnapshot;
  locale: string;
  offer?: ShownOffer;
  /**
   * Rendered unseen, to prepare the first showing: hidden, and it takes no focus; at its first
   * step (1) not yet in the top layer either (rehearse).
   */
  rehearsal?: 1 | 2;
  /** The offer's time left, if it expires (createCountdown). */
  timeLeft?: ReadonlySignal<number> | undefined;
  collectEmail: boolean;
  checkoutUrl: string;
  /** The shopper started checkout in this visit: the button says "Return to checkout". */
  checkoutStarted: boolean | undefined;
  privacyUrl: string | undefined;
  onOptOut(): void;
  imageUrl(url: unknown): string | undefined;
  onDismiss(how: DismissHow): void;
  onCheckout(): void;
  onEmail(email: string): void;
}

/**
 * The exit-intent modal. The backdrop is a manual popover, so that `showPopover()` puts it in
 * the top layer, above any z-index and out of reach of a transform on the page's body. It
 * takes focus as it appears; the controller gives it back (createModalController).
 */
export class Modal extends Component<ModalProps> {
  /** A press that starts in the dialog and ends on the backdrop (selecting text) is not a dismissal. */
  pressedInside?: boolean;
  backdrop = createRef<HTMLDivElement>();

  /** In the top layer (showPopover). */
  shown?: boolean;

  override componentDidMount() {
    this.place(true);
  }

  override componentDidUpdate(previous: ModalProps) {
    this.place(!!previous.rehearsal);
  }

  /**
   * Puts the backdrop in the top layer, except at a rehearsal's first step, and takes focus
   * when the showing is real: as it mounts, or when a trigger turns a rehearsal into it.
   */
  place(wasHidden: boolean) {
    const { rehearsal } = this.props;
    const backdrop = this.backdrop.current!;
    if (rehearsal != 1 && !this.shown) {
      this.shown = true;
      try {
        backdrop.showPopover();
      } catch {
        // No popover support: the backdrop is a fixed element with the highest z-index instead.
      }
    }
    if (wasHidden && !rehearsal) getFocusable(backdrop)[0]?.focus();
  }

  render(props: ModalProps) {
    const { cart, copy, locale, onDismiss } = props;
    return (
      <div
        part="backdrop"
        ref={this.backdrop}
        popover="manual"
        style={props.rehearsal && 'visibility:hidden'}
        onPointerDown={(event) => (this.pressedInside = event.target != event.currentTarget)}
        onClick={(event) => {
          if (event.target == event.currentTarget && !this.pressedInside) onDismiss('backdrop');
          this.pressedInside = false;
        }}
      >
        <div part="dialog" role="dialog" aria-modal="true" aria-labelledby="cb-title" lang={props.lang} dir={props.dir}>
          <button part="close" type="button" aria-label={copy.close} onClick={() => onDismiss('close')}>
            ×
          </button>
          <h2 part="title" id="cb-title">
            {copy.title}
          </h2>
          <CartLines cart={cart} copy={copy} locale={locale} imageUrl={props.imageUrl} />
          <p part="total">
            <span>{copy.total}</span>
            <span>{formatMoney(cart.value, cart.currency, locale)}</span>
          </p>
          {props.offer && <Offer copy={copy} offer={props.offer} timeLeft={props.timeLeft} />}
          {props.collectEmail && <EmailForm copy={copy} onEmail={props.onEmail} />}
          {/* The one primary action; the others look secondary (modalStyles). */}
          <a part="checkout" href={props.checkoutUrl} onClick={props.onCheckout}>
            {props.checkoutStarted ? copy.checkoutReturn : copy.checkout}
          </a>
          <button part="dismiss" type="button" onClick={() => onDismiss('keep_browsing')}>
            {copy.keepBrowsing}
          </button>
          <Disclosure copy={copy} privacyUrl={props.privacyUrl} onOptOut={props.onOptOut} />
        </div>
      </div>
    );
  }
}
