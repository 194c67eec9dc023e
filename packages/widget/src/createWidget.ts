import { describeValue } from '@cartback/core';
import { h, render } from 'preact';
import { checkWidgetOptions } from './checkWidgetOptions.js';
import { createShadowHost } from './createShadowHost.js';
import { explainSuppression } from './explainSuppression.js';
import { getActiveElement } from './getActiveElement.js';
import { getExitIntentSuppression, type SuppressionFacts, type SuppressionReason } from './getExitIntentSuppression.js';
import { getOffer, type ShownOffer } from './getOffer.js';
import type { DismissHow, ExitIntentOptions, OfferOptions } from './internal.js';
import { Modal } from './Modal.js';
import { parseWidgetRecord } from './parseWidgetRecord.js';
import { safeUrl } from './safeUrl.js';
import { getFocusable, trapFocus } from './trapFocus.js';
import type { ExitTrigger, Widget, WidgetHost, WidgetSession } from './types.js';

const noop = () => {};

/**
 * The lazy half of the widget: checks its options, reads its record and the session, and
 * creates no DOM until the modal first shows. The show path is synchronous, so the modal
 * paints in the frame of the trigger; the session and record are kept fresh beforehand.
 */
export async function createWidget(host: WidgetHost): Promise<Widget> {
  const { config, window: win } = host;
  const { errors, warnings } = checkWidgetOptions(config);
  errors.forEach((message) => host.reject('invalid_config', message));
  warnings.forEach((message) => host.warn('unknown_option', message));
  const valid = !errors.length;
  const options = ((valid && config.exitIntent) || {}) as ExitIntentOptions;
  const offerOptions = valid ? (config.offer as OfferOptions | undefined) : undefined;

  let record = parseWidgetRecord(undefined);
  let session: WidgetSession | undefined;
  let shadow: ReturnType<typeof createShadowHost> | undefined;
  let open: { offer?: ShownOffer; returnFocus: Element | null } | undefined;
  let destroyed = false;
  let saves = 0;
  let pendingSaves = 0;
  let sessionsAsked = 0;
  let sessionsAnswered = 0;
  const trackedReasons = new Set<SuppressionReason>();
  const warnedUrls = new Set<unknown>();

  const save = () => {
    saves++;
    pendingSaves++;
    const done = () => pendingSaves--;
    host.save({ ...record }).then(done, done);
  };

  // Answers may come back out of order: a purchase between two asks must not be undone by the older one.
  const fetchSession = () => {
    const asked = ++sessionsAsked;
    return host.getSession().then((answer) => {
      if (asked > sessionsAnswered) (sessionsAnswered = asked), (session = answer);
    }, noop);
  };

  // Another tab may have shown the modal, or the shopper may have ordered, since we last looked.
  const refresh = () => {
    void fetchSession();
    const at = saves;
    // A read while our own write is in flight could bring back the record from before it.
    if (!pendingSaves) host.load().then((raw) => at == saves && !open && (record = parseWidgetRecord(raw)), noop);
  };

  const toSafeUrl = (url: unknown, what: string) => {
    const safe = safeUrl(url, win.location.href);
    if (!safe && url != null && url !== '' && !warnedUrls.has(url)) {
      warnedUrls.add(url);
      host.warn(
        'unsafe_url',
        `${what} ${describeValue(url)} was dropped: only http(s) or relative URLs are used, so that a link or image cannot run script. Pass an https:// or relative URL.`,
      );
    }
    return safe;
  };

  const paint = () =>
    shadow &&
    render(
      open
        ? h(Modal, {
            cart: host.getCart(),
            locale: config.locale,
            offer: open.offer,
            collectEmail: options.collectEmail === true,
            checkoutUrl: toSafeUrl(config.checkoutUrl ?? '/checkout', 'config.checkoutUrl') ?? '/checkout',
            imageUrl: (url) => toSafeUrl(url, 'the image of a cart item'),
            now: () => host.now(),
            onDismiss: close,
            onCheckout: () => host.track('exit_intent_clicked', { target: 'checkout' }),
            onEmail: (email) => {
              host.identify({ email });
              host.track('exit_intent_submitted');
            },
          })
        : null,
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
    shadow!.detach();
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
      host.debug('exit intent not shown: ' + explainSuppression(reason, facts));
      if (!trackedReasons.has(reason)) host.track('widget_suppressed', { widget: 'exit_intent', reason });
      trackedReasons.add(reason);
    }
    return reason;
  };

  const show = (trigger: ExitTrigger) => {
    const now = host.now();
    if (destroyed || open || (trigger != 'api' && isSuppressed(now))) return;
    const offer = getOffer(offerOptions, record.offer, now);
    if (session) record.shownSession = session.id;
    record.shownAt = now;
    if (offer.saved) record.offer = offer.saved;
    save();
    shadow ||= createShadowHost(win.document);
    shadow.attach();
    open = { offer: offer.shown, returnFocus: getActiveElement(win.document) };
    paint();
    const backdrop = shadow.root.querySelector('[part=backdrop]') as HTMLElement;
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
  const unsubscribe = host.subscribe(() => {
    refresh();
    paint();
  });
  await Promise.all([host.load().then((raw) => (record = parseWidgetRecord(raw)), noop), fetchSession()]);

  return {
    showExitIntent(trigger) {
      try {
        show(trigger);
      } catch (error) {
        // Never into the host page: the store's own code called us from an event handler.
        host.warn('widget_failed', `the exit-intent modal failed (${describeValue(String(error))}). Please report this bug.`);
      }
    },
    destroy() {
      destroyed = true;
      close();
      unsubscribe();
      shadow?.detach();
    },
  };
}
