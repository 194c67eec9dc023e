import { Banner } from './banner/Banner.js';
import type { BannerController } from './banner/createBannerController.js';
import type { WidgetCopy } from './copy/getCopy.js';
import type { WidgetState } from './createWidgetState.js';
import type { OfferOptions } from './internal.js';
import type { LinkSource } from './lib/buildRestoreUrl.js';
import type { ModalController } from './modal/createModalController.js';
import { getOffer } from './modal/getOffer.js';
import { Modal } from './modal/Modal.js';

export interface WidgetViewProps {
  text: WidgetCopy;
  locale: string;
  state: WidgetState;
  modal: ModalController;
  banner: BannerController;
  offerOptions: OfferOptions | undefined;
  collectEmail: boolean;
  now(): number;
  /** The link back to the cart from a widget, checked (see safeUrl). */
  restoreHref(source: LinkSource, code: string | undefined): string;
  /** The image URL to use, if it is safe (see safeUrl). */
  imageUrl(url: unknown): string | undefined;
  /** `privacyUrl`, if it is safe (see safeUrl). */
  privacyUrl: string | undefined;
  /** "Don't show this again", from the modal or the banner. */
  onOptOut(widget: 'exit_intent' | 'banner'): void;
}

/**
 * Everything the widget shows, in one tree: the banner (which may stay under an open modal)
 * and the modal. Rendered once; it reads the signals (the cart, the record, the banner's and
 * the modal's state) and so renders again whenever one of them changes.
 */
export function WidgetView(props: WidgetViewProps) {
  const { text, locale, state, modal, banner, imageUrl } = props;
  const cart = state.cart.value;
  const shownBanner = banner.banner.value;
  const open = modal.open.value;
  return (
    <>
      {shownBanner?.loaded && (
        <Banner
          {...text}
          cart={cart}
          locale={locale}
          position={shownBanner.position}
          announce={shownBanner.announce}
          // The offer's code, if it is still good (an expired one is not brought back).
          href={props.restoreHref('banner', getOffer(props.offerOptions, state.record.value.offer, props.now()).shown?.code)}
          imageUrl={imageUrl}
          onDismiss={banner.dismiss}
          onCheckout={banner.onCheckout}
          privacyUrl={props.privacyUrl}
          onOptOut={() => props.onOptOut('banner')}
        />
      )}
      {open && (
        <Modal
          {...text}
          cart={cart}
          locale={locale}
          // The offer, its time left, and whether this is the rehearsal (see rehearse).
          {...open}
          collectEmail={props.collectEmail}
          checkoutUrl={props.restoreHref('exit_intent', open.offer?.code)}
          checkoutStarted={state.session.value?.checkoutStarted}
          privacyUrl={props.privacyUrl}
          onOptOut={() => props.onOptOut('exit_intent')}
          imageUrl={imageUrl}
          onDismiss={modal.close}
          onCheckout={modal.onCheckout}
          onEmail={modal.onEmail}
        />
      )}
    </>
  );
}
