import type { Signal } from '@preact/signals';
import { afterFrame } from '../lib/afterFrame.js';

/**
 * The modal's first showing, rehearsed unseen at idle moments once its file is in, in two
 * tasks, each below a long task on a slow phone: the view renders it hidden (`visibility:
 * hidden`, no focus taken; step 1: the first render's compilation), then it goes into the top
 * layer (step 2: its styles matched), the next frame lays it out and loads its fonts and
 * images, and then it is taken down. A first real showing then costs what a later one does
 * (on a slow phone, several frames less). A trigger meanwhile shows what the rehearsal rendered.
 */
export function rehearse(win: Window, open: Signal<{ rehearsal?: 1 | 2 } | undefined>): void {
  const idle = win.requestIdleCallback ?? setTimeout;
  idle(() => {
    if (open.peek()) return;
    open.value = { rehearsal: 1 };
    idle(() => {
      if (open.peek()?.rehearsal != 1) return;
      open.value = { rehearsal: 2 };
      afterFrame(win, () => open.peek()?.rehearsal && (open.value = undefined));
    });
  });
}
