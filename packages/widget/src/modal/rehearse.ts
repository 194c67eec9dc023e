import type { Signal } from '@preact/signals';

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
    // Taken down in a task after the frame: its style, layout and paint are done by then.
    win.requestAnimationFrame(() => setTimeout(() => open.peek()?.rehearsal && (open.value = undefined)));
  });
}
