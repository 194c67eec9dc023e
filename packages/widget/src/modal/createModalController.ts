import { signal, type ReadonlySignal } from '@preact/signals';
import type { WidgetState } from '../createWidgetState.js';
import type { Diagnose } from '../diagnostics/createDiagnostics.js';
import type { DismissHow, OfferOptions } from '../internal.js';
import type { ExitIntentOptions, ExitTrigger, WidgetHost } from '../types.js';
import { getExitIntentSuppression, type SuppressionReason } from './getExitIntentSuppression.js';
import { getOffer, type ShownOffer } from './getOffer.js';

/** The open modal, as the view shows it: the offer, and its time left if it expires. */
export interface OpenModal {
  offer?: ShownOffer;
  timeLeft?: ReadonlySignal<number>;
  /** Rendered unseen, to prepare the first showing, in two steps (rehearse). */
  rehearsal?: 1 | 2;
}

export interface ModalControllerOptions {
  host: WidgetHost;
  state: WidgetState;
  /** False when a widget option broke a rule: the modal opens only for `showExitIntent()`. */
  valid: boolean;
  options: ExitIntentOptions;
  offerOptions: OfferOptions | undefined;
  diagnose: Diagnose;
  /** The dialog element while it is rendered, for the focus trap. */
  getDialog(): Element | null | undefined;
  /** Adds the modal's styles to the widget's shadow root. */
  adopt(css: string): void;
}

/** No reason, or one a change of the cart undoes: the modal may still show on this page. */
const MAY_STILL_SHOW: (SuppressionReason | undefined)[] = [undefined, 'empty_cart', 'below_min_value'];

/**
 * The exit-intent modal: whether it may open (getExitIntentSuppression), its `open` state for
 * the view, what it writes in the record (shown, dismissed, the offer's deadline), its keyboard
 * handling while open (Escape, the focus trap) and the focus given back when it closes. Its
 * styles are a file of their own, fetched at once where the modal may still show on this page,
 * so that it paints in the frame of the trigger; where the rules keep it closed for the page
 * (shown or ordered in this session, a cooldown, off, another page or device) they are fetched
 * only if `showExitIntent()` previews it.
 */
export function createModalController({ host, state, valid, options, offerOptions, diagnose, getDialog, adopt }: ModalControllerOptions) {
  const { config, window: win } = host;
  const open = signal<OpenModal | undefined>(undefined);
  const trackedReasons = new Set<SuppressionReason>();
  let returnFocus: Element | null = null;
  let stopCountdown = () => {};
  let destroyed = false;
  let parts: typeof import('./modalParts.js') | undefined;
  let loading: Promise<void> | undefined;
  const loadParts = () =>
    (loading ??= import('./modalParts.js').then((loaded) => {
      adopt(loaded.modalStyles);
      parts = loaded;
    }));

  const onKeyDown = (event: KeyboardEvent) => {
    const dialog = getDialog();
    if (event.key == 'Escape' && !event.isComposing) close('escape');
    else if (event.key == 'Tab' && dialog) parts?.trapFocus(event, dialog); // listened to only while open, so loaded
  };

  const getFacts = (now: number) => ({
    valid,
    options,
    ...state.getFacts(now),
    path: win.location.pathname,
    touch: !!win.matchMedia?.('(pointer: coarse)').matches,
  });
  // A file that does not load is warned about when the modal is to show (see show).
  // A visitor in a holdout never sees it (a preview by `showExitIntent()` loads them then).
  // Once it is in, the first showing is rehearsed (see rehearse).
  if (!host.experiments?.off && MAY_STILL_SHOW.includes(getExitIntentSuppression(getFacts(host.now()))))
    loadParts().then(() => parts!.rehearse(win, open), () => {});

  /** Why not to show now, logged (and tracked once per reason) for the store's developer. */
  const isSuppressed = (now: number) => {
    const facts = getFacts(now);
    const reason = getExitIntentSuppression(facts);
    if (reason) {
      if (config.debug) diagnose((words) => host.debug('exit intent not shown: ' + words.explainSuppression(reason, facts)));
      if (!trackedReasons.has(reason)) host.track('widget_suppressed', { widget: 'exit_intent', reason });
      trackedReasons.add(reason);
    }
    return reason;
  };

  /** Opens the modal if the rules allow (always for 'api', a preview). The view takes focus (see Modal). */
  function show(trigger: ExitTrigger) {
    // A rehearsal (see rehearse) becomes the showing: what it rendered is shown as it is.
    if (destroyed || (open.peek() && !open.peek()!.rehearsal)) return;
    const now = host.now();
    const session = state.session.peek();
    const shown = { shownAt: now, ...(session && { shownSession: session.id }) };
    if (trigger != 'api') {
      if (isSuppressed(now)) return;
      // The moment the modal would show is an exposure in every arm of an experiment. In a
      // holdout it is recorded as a showing (so the caps run the same in every arm) and nothing shows.
      if (host.experiments?.expose('exit_intent')) return state.save(shown);
    }
    if (parts) return openWith(parts, trigger, shown);
    loadParts().then(
      () => !destroyed && !open.peek() && openWith(parts!, trigger, shown),
      (error) => host.warn('chunk_failed', `the exit-intent modal did not load (${error})`),
    );
  }

  function openWith({ createCountdown, getActiveElement, afterFrame }: typeof import('./modalParts.js'), trigger: ExitTrigger, shown: { shownAt: number }) {
    const offer = getOffer(offerOptions, state.record.peek().offer, shown.shownAt);
    state.save({ ...shown, ...(offer.saved && { offer: offer.saved }) });
    returnFocus = getActiveElement(win.document);
    const expiresAt = offer.shown?.expiresAt;
    const timeLeft = expiresAt === undefined ? undefined : signal(0);
    stopCountdown = timeLeft ? createCountdown(expiresAt!, () => host.now(), (left) => (timeLeft.value = left)) : () => {};
    open.value = { offer: offer.shown, timeLeft };
    win.addEventListener('keydown', onKeyDown, true);
    // What the frame does not need waits until it is painted: the event, and a fresh read of
    // the record and the session (another tab's), each a round of storage calls.
    afterFrame(win, () => {
      // An `offer` left undefined is not in the event's JSON.
      host.track('exit_intent_shown', { trigger, offer: offer.shown?.code });
      state.refresh();
    });
  }

  /** Closes the modal; a shopper's dismissal (`how`) is recorded, for the cooldown. */
  function close(how?: DismissHow) {
    if (!open.peek()) return;
    open.value = undefined;
    stopCountdown();
    win.removeEventListener('keydown', onKeyDown, true);
    if (how) {
      state.save({ dismissedAt: host.now() });
      host.track('exit_intent_dismissed', { how });
    }
    if (returnFocus?.isConnected) (returnFocus as HTMLElement).focus?.();
  }

  return {
    open: open as ReadonlySignal<OpenModal | undefined>,
    show,
    close,
    onCheckout() {
      host.track('exit_intent_clicked', { target: 'checkout' });
      setTimeout(close); // not a dismissal
    },
    onEmail(email: string) {
      host.identify({ email });
      host.track('exit_intent_submitted');
    },
    destroy() {
      destroyed = true;
      close();
    },
  };
}

export type ModalController = ReturnType<typeof createModalController>;
