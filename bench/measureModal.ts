import type { Page } from 'playwright-core';

/**
 * Trigger → the frame that shows the modal, for a first open and then `later` more: the time
 * from the trigger to a task posted from the first animation frame in which the modal is in the
 * DOM, i.e. after that frame's style, layout and paint. A modal that needs more frames is
 * timed to the frame that shows it.
 */
export function measureModalOpens(page: Page, kind: 'cartback' | 'peer', later: number): Promise<number[]> {
  return page.evaluate(
    async ({ kind, later }) => {
      const w = window as unknown as {
        cartback: { showExitIntent(): Promise<void> };
        benchOpen(): HTMLElement;
        benchClose(): void;
      };
      const dialog = () => document.querySelector('cartback-widget')?.shadowRoot?.querySelector<HTMLElement>('[part=dialog]');
      const open = kind == 'cartback' ? () => void w.cartback.showExitIntent() : () => void w.benchOpen();
      const isShown = kind == 'cartback' ? () => !!dialog()?.checkVisibility({ visibilityProperty: true }) : () => true;
      const close = kind == 'cartback' ? () => dialog()?.querySelector<HTMLElement>('[part=close]')?.click() : () => w.benchClose();
      const afterFrame = () =>
        new Promise<boolean>((done) =>
          requestAnimationFrame(() => {
            const shown = isShown();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done(shown);
            channel.port2.postMessage(0);
          }),
        );
      const idle = () => new Promise((done) => requestIdleCallback(done, { timeout: 1000 }));
      const times: number[] = [];
      for (let i = 0; i <= later; i++) {
        await idle();
        const t0 = performance.now();
        open();
        for (let frames = 0; !(await afterFrame()) && frames < 120; frames++);
        times.push(performance.now() - t0);
        close();
        await idle();
      }
      return times;
    },
    { kind, later },
  );
}
