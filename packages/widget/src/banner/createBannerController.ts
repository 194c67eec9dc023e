import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { WidgetState } from '../createWidgetState.js';
import type { BannerDismissHow, BannerOptions, BannerPosition } from '../internal.js';
import type { WidgetHost } from '../types.js';

/** The banner from the moment it is decided on; the view shows it once `loaded`. */
export interface BannerState {
  position: BannerPosition;
  /** Its styles (a file of their own) are in the shadow root. */
  loaded: boolean;
  /** False on its first render: its live region is filled a moment later (see Banner). */
  announce: boolean;
}

export interface BannerControllerOptions {
  host: WidgetHost;
  state: WidgetState;
  /** False when a widget option broke a rule: the banner shows only for `showBanner()`. */
  valid: boolean;
  options: BannerOptions;
  /** Adds the banner's styles to the widget's shadow root. */
  adopt(css: string): void;
}

/**
 * The return banner: on its own ('return') only on the first page of a visit after the
 * shopper left with the cart (getBannerSuppression). The modal may still open over it, in
 * the top layer: the banner greets, the modal answers a real move to leave. An order (or an
 * emptied cart) takes it away: it has nothing left to say.
 */
export function createBannerController({ host, state, valid, options, adopt }: BannerControllerOptions) {
  const banner = signal<BannerState | undefined>(undefined);
  let adopted = false;
  let destroyed = false;

  const hide = () => void (banner.value = undefined);

  function show(trigger: 'return' | 'api') {
    const now = host.now();
    // Not a return visit (most pages): nothing to show, nothing to fetch.
    if (destroyed || banner.peek() || (trigger == 'return' && !state.session.peek()?.returned)) return;
    const position = options.position ?? 'bottom';
    const loading: BannerState = { position, loaded: false, announce: false };
    banner.value = loading;
    // The banner's styles and rules are a file of their own: most pages never show it.
    import('./bannerStyles.js').then(
      ({ bannerStyles, getBannerSuppression }) => {
        if (banner.peek() != loading) return; // dismissed, emptied or destroyed meanwhile
        const reason = trigger == 'api' ? undefined : getBannerSuppression({ valid, options, ...state.getFacts(now) });
        if (reason) {
          hide();
          // Nothing in the cart: nothing to show, so nothing to report.
          if (reason == 'not_returning' || reason == 'empty_cart') return;
          host.debug('banner not shown: ' + reason);
          return host.track('widget_suppressed', { widget: 'banner', reason });
        }
        state.save({ bannerShownAt: now });
        // Exposed in every arm; a holdout's moment is recorded as a showing (the same cooldown), unseen.
        if (trigger != 'api' && host.experiments?.expose('banner')) return hide();
        if (!adopted) adopt(bannerStyles);
        adopted = true;
        const shown: BannerState = { ...loading, loaded: true };
        banner.value = shown;
        // Then into its live region, for screen readers (see Banner).
        setTimeout(() => banner.peek() == shown && (banner.value = { ...shown, announce: true }), 150);
        host.track('banner_shown', { trigger, position });
      },
      (error) => {
        hide();
        host.warn('chunk_failed', `the banner did not load (${error})`);
      },
    );
  }

  // The items are read only while a banner shows: a change of a 1,000-line cart costs the
  // same as one of a 1-line cart when nothing is on screen.
  const stopWatchingCart = effect(() => {
    const cart = state.cart.value;
    if (banner.peek() && !cart.items.length) hide();
  });

  return {
    banner: banner as ReadonlySignal<BannerState | undefined>,
    show,
    hide,
    dismiss(how: BannerDismissHow) {
      hide();
      state.save({ bannerDismissedAt: host.now() });
      host.track('banner_dismissed', { how });
    },
    onCheckout() {
      host.track('banner_clicked', { target: 'checkout' });
      // A single-page app routes the click itself and keeps this page: out of its way.
      setTimeout(hide);
    },
    destroy() {
      destroyed = true;
      stopWatchingCart();
      hide();
    },
  };
}

export type BannerController = ReturnType<typeof createBannerController>;
