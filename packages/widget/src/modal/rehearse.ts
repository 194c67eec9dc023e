import type { Signal } from '@preact/signals';
import { afterFrame } from '../lib/afterFrame.js';

/**
 * The modal's first showing, rehearsed unseen at an idle moment once its file is in: the view
 * renders it hidden (`visibility: hidden`, no focus taken), the next frame matches its styles,
 * lays it out, loads its fonts and images, and then it is taken down. A first real showing then
 * costs what a later one does, not the first render's compilation, style and layout (on a slow
 * phone, several frames). A trigger meanwhile shows what the rehearsal rendered.
 */
export function rehearse(win: Window, open: Signal<{ rehearsal?: true } | undefined>): void {
  (win.requestIdleCallback ?? setTimeout)(() => {
    if (open.peek()) return;
    open.value = { rehearsal: true };
    afterFrame(win, () => open.peek()?.rehearsal && (open.value = undefined));
  });
}
