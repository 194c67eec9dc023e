import { signal } from '@preact/signals';
import type { WidgetRecord } from './internal.js';
import { parseWidgetRecord } from './parseWidgetRecord.js';
import type { WidgetHost, WidgetSession } from './types.js';

const noop = () => {};

/**
 * What the widget knows, as signals: the cart (for the view), the widget's record (what showed
 * or was dismissed when, and the offer's deadline) and the tracker's session (for the rules).
 * The record is replaced, never changed in place: `save(changes)` writes a new one. Subscribed
 * to the cart at once: a purchase while the widget starts must be seen. `isHeld()` keeps the
 * record in hand from being replaced by a read (while the modal is open).
 */
export function createWidgetState(host: WidgetHost, isHeld: () => boolean) {
  const cart = signal(host.getCart());
  const record = signal(parseWidgetRecord(undefined));
  const session = signal<WidgetSession | undefined>(undefined);
  /** The record as we last wrote it: a read that began before that write is older than it. */
  let lastSave: WidgetRecord | undefined;

  // Answers come in the order asked: the host's session waits for the events made before,
  // and storage runs its transactions in order (a read after our write sees it).
  const fetchSession = () => host.getSession().then((answer) => void (session.value = answer), noop);
  const fetchRecord = () => {
    const before = lastSave;
    return host.load().then((raw) => {
      if (lastSave === before && !isHeld()) record.value = parseWidgetRecord(raw);
    }, noop);
  };

  // Another tab may have shown the modal, or the shopper may have ordered, since we last looked.
  // Once per task: a store's loop of 1,000 `cart.add` calls asks storage once, not 1,000 times.
  let refreshing = false;
  const refresh = () => {
    if (refreshing) return;
    refreshing = true;
    queueMicrotask(() => {
      refreshing = false;
      void fetchSession();
      void fetchRecord();
    });
  };

  const unsubscribe = host.subscribe((snapshot) => {
    cart.value = snapshot;
    refresh();
  });

  return {
    cart,
    record,
    session,
    /** The first reads: the widget decides nothing before they are in. */
    load: () => Promise.all([fetchRecord(), fetchSession()]),
    refresh,
    /** What the rules of the modal and the banner both look at, as it is `now`. */
    getFacts: (now: number) => ({
      cart: host.getCart(),
      session: session.peek(),
      record: record.peek(),
      now,
      sessionLength: host.config.abandonAfter,
    }),
    save(changes: Partial<WidgetRecord>) {
      lastSave = record.value = { ...record.peek(), ...changes };
      host.save(lastSave).catch(noop);
    },
    destroy: unsubscribe,
  };
}

export type WidgetState = ReturnType<typeof createWidgetState>;
