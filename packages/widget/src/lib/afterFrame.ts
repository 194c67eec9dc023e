/** Runs `fn` in a task after the next frame: that frame's style, layout and paint are done by then. */
export const afterFrame = (win: Window, fn: () => void): void => void win.requestAnimationFrame(() => setTimeout(fn));
