import { describe, expect, it } from 'vitest';
import { watchTabTitle } from './watchTabTitle.js';

/** Just what watchTabTitle uses of a document: its title, `hidden`, and visibilitychange. */
function fakeDocument(title = 'Blue mug – Shop') {
  const listeners = new Set<() => void>();
  const doc = {
    title,
    hidden: false,
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
    /** The shopper switches tabs. */
    setHidden(hidden: boolean) {
      doc.hidden = hidden;
      listeners.forEach((fn) => fn());
    },
    listeners,
  };
  return doc;
}

const WAITING = '🛒 Your cart is waiting';

describe('watchTabTitle', () => {
  it('shows the title while the tab is hidden with a cart, and puts the page title back on return', () => {
    const doc = fakeDocument();
    watchTabTitle(doc as unknown as Document, WAITING, () => true);
    doc.setHidden(true);
    expect(doc.title).toBe(WAITING);
    doc.setHidden(false);
    expect(doc.title).toBe('Blue mug – Shop');
  });

  it('does nothing with an empty cart', () => {
    const doc = fakeDocument();
    watchTabTitle(doc as unknown as Document, WAITING, () => false);
    doc.setHidden(true);
    expect(doc.title).toBe('Blue mug – Shop');
  });

  it('leaves a title the page set while hidden alone', () => {
    const doc = fakeDocument();
    watchTabTitle(doc as unknown as Document, WAITING, () => true);
    doc.setHidden(true);
    doc.title = '(1) New message';
    doc.setHidden(false);
    expect(doc.title).toBe('(1) New message');
  });

  it('restores the title and stops listening when stopped', () => {
    const doc = fakeDocument();
    const stop = watchTabTitle(doc as unknown as Document, WAITING, () => true);
    doc.setHidden(true);
    stop();
    expect(doc.title).toBe('Blue mug – Shop');
    expect(doc.listeners.size).toBe(0);
  });
});
