import { describeValue } from '@cartback/core';
import { effect } from '@preact/signals';
import { h, render } from 'preact';
import { createBannerController } from './banner/createBannerController.js';
import { getCopy } from './copy/getCopy.js';
import { loadLocale } from './copy/loadLocale.js';
import { loadStoreCopy } from './copy/loadStoreCopy.js';
import { createShadowHost } from './createShadowHost.js';
import { createWidgetState } from './createWidgetState.js';
import { createDiagnostics } from './diagnostics/createDiagnostics.js';
import { loadOptionProblems } from './diagnostics/loadOptionProblems.js';
import type { BannerOptions, OfferOptions } from './internal.js';
import { buildRestoreUrl, type LinkSource } from './lib/buildRestoreUrl.js';
import { createUrlCheck } from './lib/createUrlCheck.js';
import { createModalController, type ModalController } from './modal/createModalController.js';
import { loadTheme } from './theme/loadTheme.js';
import type { ExitIntentOptions, Widget, WidgetHost } from './types.js';
import { WidgetView } from './WidgetView.js';

/**
 * The lazy half of the widget: checks its options, reads its record and the session, and
 * puts nothing in the page until something first shows. The state is signals (createWidgetState, and
 * the modal's and the banner's controllers); the view reads them and follows by itself. The
 * show path is synchronous up to the render, which comes before the next frame.
 */
export async function createWidget(host: WidgetHost): Promise<Widget> {
  const { config, window: win } = host;
  const { diagnose, report } = createDiagnostics(host);
  // Fetched together: the option rules, the theme and the language, where the config needs them.
  const checked = loadOptionProblems(config, host);
  // A mistake in the theme or the copy is reported too, but turns nothing off.
  const theme = loadTheme(config.theme, report, host);
  const builtIn = loadLocale(config.locale, host);
  const storeCopy = loadStoreCopy(config.copy, host);
  let modal: ModalController | undefined;
  // Subscribed before the first reads finish: a purchase while the chunk starts must be seen.
  // The record a read brings back must not replace the one the open modal wrote.
  const state = createWidgetState(host, () => !!modal?.open.peek());
  await state.load();
  const problems = await checked;
  const text = getCopy(config, await builtIn, report, await storeCopy);
  const themeVars = await theme;

  const valid = !!problems?.every((problem) => problem.unknown);
  if (problems?.length)
    diagnose(({ explainWidgetOptions }) => {
      const { errors, warnings } = explainWidgetOptions(problems);
      errors.forEach((message) => host.reject('invalid_config', message));
      warnings.forEach((message) => host.warn('unknown_option', message));
    });
  const options = ((valid && config.exitIntent) || {}) as ExitIntentOptions;
  const offerOptions = valid ? (config.offer as OfferOptions | undefined) : undefined;
  const bannerOptions = ((valid && config.banner) || {}) as BannerOptions;

  let shadow: ReturnType<typeof createShadowHost> | undefined;
  const getShadow = () => (shadow ||= createShadowHost(win.document, themeVars));
  modal = createModalController({
    host,
    state,
    valid,
    options,
    offerOptions,
    diagnose,
    getDialog: () => shadow?.root.querySelector('[role=dialog]'),
    adopt: (css) => getShadow().adopt(css),
  });
  const banner = createBannerController({ host, state, valid, options: bannerOptions, adopt: (css) => getShadow().adopt(css) });

  const toSafeUrl = createUrlCheck(host, diagnose);
  const view = h(WidgetView, {
    text,
    locale: config.locale,
    state,
    modal,
    banner,
    offerOptions,
    collectEmail: options.collectEmail === true,
    now: () => host.now(),
    /** restoreUrl or checkoutUrl, marked with its source. */
    restoreHref: (source: LinkSource, code: string | undefined) =>
      toSafeUrl(buildRestoreUrl(config, host.getCart(), code, source), config.restoreUrl ? 'config.restoreUrl' : 'config.checkoutUrl') ??
      '/checkout',
    imageUrl: (url: unknown) => toSafeUrl(url, 'the image of a cart item'),
    privacyUrl: toSafeUrl(config.privacyUrl, 'config.privacyUrl'),
    /** "Don't show this again": nothing shows for OPT_OUT_PERIOD, in any tab; not a dismissal. */
    onOptOut(widget: 'exit_intent' | 'banner') {
      state.save({ optedOutAt: host.now() });
      host.track('widget_suppressed', { widget, reason: 'opted_out' });
      modal!.close();
      banner.hide();
    },
  });
  // The element is in the page only while something shows; the view is rendered into it the
  // first time (attached first: the modal takes focus as it mounts), then follows the signals.
  let rendered = false;
  const open = modal.open;
  const stopShowing = effect(() => {
    if (!open.value && !banner.banner.value?.loaded) shadow?.detach();
    else {
      getShadow().attach();
      if (!rendered) render(view, shadow!.root);
      rendered = true;
    }
  });

  /** Never into the host page: the store's own code may call us from an event handler. */
  const guard = <T,>(fn: (arg: T) => void, arg: T, what: string) => {
    try {
      fn(arg);
    } catch (error) {
      host.warn('widget_failed', `${what} failed (${describeValue(String(error))}). Please report this bug.`);
    }
  };
  // The tab's title while hidden (`banner.tabTitle`, off by default) is a file of its own.
  const { tabTitle } = bannerOptions;
  let destroyed = false;
  let stopTabTitle = () => {};
  if (tabTitle)
    import('./banner/watchTabTitle.js').then(
      ({ watchTabTitle }) =>
        destroyed ||
        (stopTabTitle = watchTabTitle(win.document, tabTitle === true ? text.copy.tabTitle : tabTitle, () => !!host.getCart().items.length)),
      (error) => host.warn('chunk_failed', `the tab title did not load (${error})`),
    );
  guard(banner.show, 'return', 'the banner');

  const { show, destroy } = modal;
  return {
    showExitIntent: (trigger) => guard(show, trigger, 'the exit-intent modal'),
    showBanner: () => guard(banner.show, 'api', 'the banner'),
    destroy() {
      destroyed = true;
      stopTabTitle();
      banner.destroy();
      destroy();
      stopShowing();
      if (shadow) render(null, shadow.root);
      state.destroy();
    },
  };
}
