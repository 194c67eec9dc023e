import { describeValue } from '@cartback/core';
import { Fragment, h, render } from 'preact';
import { Banner } from './banner/Banner.js';
import { buildRestoreUrl, type LinkSource } from './lib/buildRestoreUrl.js';
import { checkWidgetOptions } from './diagnostics/checkWidgetOptions.js';
import { createDiagnostics } from './diagnostics/createDiagnostics.js';
import { createShadowHost } from './createShadowHost.js';
import { createUrlCheck } from './lib/createUrlCheck.js';
import { getActiveElement } from './modal/getActiveElement.js';
import { getBannerSuppression } from './banner/getBannerSuppression.js';
import { getCopy } from './copy/getCopy.js';
import { getExitIntentSuppression, type SuppressionFacts, type SuppressionReason } from './modal/getExitIntentSuppression.js';
import { getOffer, type ShownOffer } from './modal/getOffer.js';
import { loadLocale } from './copy/loadLocale.js';
import { loadTheme } from './theme/loadTheme.js';
import type { BannerDismissHow, BannerOptions, BannerPosition, DismissHow, OfferOptions } from './internal.js';
import { Modal } from './modal/Modal.js';
import { parseWidgetRecord } from './parseWidgetRecord.js';
import { getFocusable, trapFocus } from './modal/trapFocus.js';
import type { ExitIntentOptions, ExitTrigger, Widget, WidgetHost, WidgetSession } from './types.js';
import { watchTabTitle } from './banner/watchTabTitle.js';

const noop = () => {};

/**
 * The lazy half of the widget: checks its options, reads its record and the session, and
 * creates no DOM until the modal first shows. The show path is synchronous, so the modal
 * paints in the frame of the trigger; the session and record are kept fresh beforehand.
 */
export async function createWidget(host: WidgetHost): Promise<Widget> {
  const { config, window: win } = host;
  const { diagnose, report } = createDiagnostics(host);
  const problems = checkWidgetOptions(config);
  const valid = problems.every((problem) => problem[2]);
  if (problems.length)
    diagnose(({ explainWidgetOptions }) => {
      const { errors, warnings } = explainWidgetOptions(problems);
      errors.forEach((message) => host.reject('invalid_config', message));
      warnings.forEach((message) => host.warn('unknown_option', message));
    });
  // A mistake in the theme or the copy is reported too, but turns nothing off.
  const theme = loadTheme(config.theme, report, host);
  let themeVars: [name: string, value: string][] = [];
  const builtIn = loadLocale(config.locale, host);
  const options = ((valid && config.exitIntent) || {}) as ExitIntentOptions;
  const offerOptions = valid ? (config.offer as OfferOptions | undefined) : undefined;
  const bannerOptions = ((valid && config.banner) || {}) as BannerOptions;

  let record = parseWidgetRecord(undefined);
  let session: WidgetSession | undefined;
  let shadow: ReturnType<typeof createShadowHost> | undefined;
  let open: { offer?: ShownOffer; returnFocus: Element | null } | undefined;
  /** The return banner, while it shows: it can stay under the modal (see showBanner). */
  type BannerState = { position: BannerPosition; announce: boolean };
  let banner: BannerState | undefined;
  let bannerStyled = false;
  let stopTabTitle = noop;
  let destroyed = false;
  const trackedReasons = new Set<SuppressionReason>();
  const toSafeUrl = createUrlCheck(host);

  let saves = 0;
  /** Never into the host page: the store's own code may call us from an event handler. */
  const guard = <T,>(fn: (arg: T) => void, arg: T, what: string) => {
    try {
      fn(arg);
    } catch (error) {
      host.warn('widget_failed', `${what} failed (${describeValue(String(error))}). Please report this bug.`);
    }
  };
  const save = () => {
    saves++;
    host.save({ ...record }).catch(noop);
  };
  // Answers come in the order asked: the host's session waits for the events made before,
  // and storage runs its transactions in order (a read after our write sees it).
  const fetchSession = () => host.getSession().then((answer) => void (session = answer), noop);

  // Another tab may have shown the modal, or the shopper may have ordered, since we last looked.
  // Once per task: a store's loop of 1,000 `cart.add` calls asks storage once, not 1,000 times.
  let refreshing = false;
  const refresh = () => {
    if (refreshing) return;
    refreshing = true;
    queueMicrotask(() => {
      refreshing = false;
      void fetchSession();
      // A save after this read started is newer than what it brings back.
      const at = saves;
      host.load().then((raw) => at != saves || open || (record = parseWidgetRecord(raw)), noop);
    });
  };

  /** The link back to the cart from a widget: restoreUrl or checkoutUrl, marked with its source. */
  const restoreHref = (source: LinkSource, code: string | undefined) =>
    toSafeUrl(buildRestoreUrl(config, host.getCart(), code, source), config.restoreUrl ? 'config.restoreUrl' : 'config.checkoutUrl') ??
    '/checkout';
  const imageUrl = (url: unknown) => toSafeUrl(url, 'the image of a cart item');

  // One tree for both: the banner (which may stay under an open modal) and the modal.
  const paint = () =>
    shadow &&
    render(
      h(
        Fragment,
        null,
        banner &&
          bannerStyled &&
          h(Banner, {
            ...text,
            cart: host.getCart(),
            locale: config.locale,
            position: banner.position,
            announce: banner.announce,
            // The offer's code, if it is still good (an expired one is not brought back).
            href: restoreHref('banner', getOffer(offerOptions, record.offer, host.now()).shown?.code),
            imageUrl,
            onDismiss: dismissBanner,
            onCheckout: () => {
              host.track('banner_clicked', { target: 'checkout' });
              // A single-page app routes the click itself and keeps this page: out of its way.
              setTimeout(hideBanner);
            },
          }),
        open &&
          h(Modal, {
            ...text,
            cart: host.getCart(),
            locale: config.locale,
            offer: open.offer,
            collectEmail: options.collectEmail === true,
            checkoutUrl: restoreHref('exit_intent', open.offer?.code),
            imageUrl,
            now: () => host.now(),
            onDismiss: close,
            onCheckout: () => {
              host.track('exit_intent_clicked', { target: 'checkout' });
              setTimeout(close); // not a dismissal
            },
            onEmail: (email) => {
              host.identify({ email });
              host.track('exit_intent_submitted');
            },
          })
      ),
      shadow.root,
    );

  const onKeyDown = (event: KeyboardEvent) => {
    const dialog = shadow?.root.querySelector('[role=dialog]');
    if (event.key == 'Escape' && !event.isComposing) close('escape');
    else if (event.key == 'Tab' && dialog) trapFocus(event, dialog);
  };

  function close(how?: DismissHow) {
    if (!open) return;
    const { returnFocus } = open;
    open = undefined;
    paint();
    if (!banner) shadow!.detach();
    win.removeEventListener('keydown', onKeyDown, true);
    if (how) {
      record.dismissedAt = host.now();
      save();
      host.track('exit_intent_dismissed', { how });
    }
    if (returnFocus?.isConnected) (returnFocus as HTMLElement).focus?.();
  }

  /** Why not to show now, logged (and tracked once per reason) for the store's developer. */
  const isSuppressed = (now: number) => {
    const facts: SuppressionFacts = {
      valid,
      options,
      cart: host.getCart(),
      session,
      record,
      now,
      path: win.location.pathname,
      touch: !!win.matchMedia?.('(pointer: coarse)').matches,
      sessionLength: config.abandonAfter,
    };
    const reason = getExitIntentSuppression(facts);
    if (reason) {
      if (config.debug) diagnose((words) => host.debug('exit intent not shown: ' + words.explainSuppression(reason, facts)));
      if (!trackedReasons.has(reason)) host.track('widget_suppressed', { widget: 'exit_intent', reason });
      trackedReasons.add(reason);
    }
    return reason;
  };

  const mount = () => {
    shadow ||= createShadowHost(win.document, themeVars);
    shadow.attach();
  };

  /**
   * The return banner: on its own ('return') only on the first page of a visit after the
   * shopper left with the cart (getBannerSuppression). The modal may still open over it, in
   * the top layer: the banner greets, the modal answers a real move to leave.
   */
  const showBanner = (trigger: 'return' | 'api') => {
    const now = host.now();
    if (destroyed || banner) return;
    const reason =
      trigger == 'api'
        ? undefined
        : getBannerSuppression({ valid, options: bannerOptions, cart: host.getCart(), session, record, now, sessionLength: config.abandonAfter });
    if (reason) {
      // Not a return, or nothing in the cart: nothing to show, so nothing to report.
      if (reason == 'not_returning' || reason == 'empty_cart') return;
      host.debug('banner not shown: ' + reason);
      return host.track('widget_suppressed', { widget: 'banner', reason });
    }
    const shown: BannerState = { position: bannerOptions.position ?? 'bottom', announce: false };
    banner = shown;
    // The banner's styles are a file of their own: most pages never show it.
    import('./banner/bannerStyles.js').then(
      ({ bannerStyles }) => {
        if (banner != shown) return; // dismissed, emptied or destroyed meanwhile
        record.bannerShownAt = now;
        save();
        mount();
        if (!bannerStyled) shadow!.adopt(bannerStyles);
        bannerStyled = true;
        paint();
        // Then into its live region, for screen readers (see Banner).
        setTimeout(() => banner == shown && ((shown.announce = true), paint()), 150);
        host.track('banner_shown', { trigger, position: shown.position });
      },
      (error) => {
        banner = undefined;
        host.warn('chunk_failed', `the banner did not load (${error})`);
      },
    );
  };

  const hideBanner = () => {
    banner = undefined;
    paint();
    if (!open) shadow?.detach();
  };

  // Never into the host page: the store's own code may call this from an event handler.
  const tryShowBanner = (trigger: 'return' | 'api') => guard(showBanner, trigger, 'the banner');

  function dismissBanner(how: BannerDismissHow) {
    hideBanner();
    record.bannerDismissedAt = host.now();
    save();
    host.track('banner_dismissed', { how });
  }

  const show = (trigger: ExitTrigger) => {
    const now = host.now();
    if (destroyed || open || (trigger != 'api' && isSuppressed(now))) return;
    const offer = getOffer(offerOptions, record.offer, now);
    if (session) record.shownSession = session.id;
    record.shownAt = now;
    if (offer.saved) record.offer = offer.saved;
    save();
    mount();
    open = { offer: offer.shown, returnFocus: getActiveElement(win.document) };
    paint();
    const backdrop = shadow!.root.querySelector('[part=backdrop]') as HTMLElement;
    try {
      backdrop.showPopover();
    } catch {
      // No popover support: the backdrop is a fixed element with the highest z-index instead.
    }
    getFocusable(backdrop)[0]?.focus();
    win.addEventListener('keydown', onKeyDown, true);
    host.track('exit_intent_shown', { trigger, ...(offer.shown && { offer: offer.shown.code }) });
    refresh();
  };

  // Subscribed before the first reads finish: a purchase while the chunk starts must be seen.
  const unsubscribe = host.subscribe((cart) => {
    refresh();
    // An order (or an emptied cart) takes the banner away: it has nothing left to say.
    if (banner && !cart.items.length) hideBanner();
    paint();
  });
  await Promise.all([host.load().then((raw) => (record = parseWidgetRecord(raw)), noop), fetchSession()]);
  const text = getCopy(config, await builtIn, report);
  themeVars = await theme;
  const { tabTitle } = bannerOptions;
  if (tabTitle) stopTabTitle = watchTabTitle(win.document, tabTitle === true ? text.copy.tabTitle : tabTitle, () => !!host.getCart().items.length);
  tryShowBanner('return');

  return {
    showExitIntent(trigger) {
      guard(show, trigger, 'the exit-intent modal');
    },
    showBanner: () => tryShowBanner('api'),
    destroy() {
      destroyed = true;
      stopTabTitle();
      banner = undefined;
      close();
      paint();
      unsubscribe();
      shadow?.detach();
    },
  };
}
