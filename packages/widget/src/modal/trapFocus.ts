const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),summary,[tabindex="0"]';

/** The elements Tab visits inside the dialog, in order: not those in a closed `<details>`. */
export function getFocusable(dialog: Element): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.checkVisibility?.() != false);
}

/**
 * Keeps Tab and Shift+Tab inside the dialog, as a11y-dialog does: at either end focus wraps
 * round, and from outside the dialog it comes back in. Elsewhere the browser moves focus.
 */
export function trapFocus(event: KeyboardEvent, dialog: Element): void {
  const focusable = getFocusable(dialog);
  const active = (dialog.getRootNode() as ShadowRoot | Document).activeElement as HTMLElement | null;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const outside = !active || !focusable.includes(active);
  if (event.shiftKey ? outside || active == first : outside || active == last) {
    event.preventDefault();
    (event.shiftKey ? last : first)?.focus();
  }
}
