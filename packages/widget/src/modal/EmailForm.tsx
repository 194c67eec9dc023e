import { Component } from 'preact';
import type { Copy } from '../copy/copy.js';

interface EmailFormProps {
  copy: Copy;
  onEmail(email: string): void;
}

// Module-level so that Preact calls it once, when the thank-you line mounts, not on every render.
const focus = (el: HTMLElement | null) => el?.focus();

/** Optional email capture; once sent, a thank-you line takes its place and the focus. */
export class EmailForm extends Component<EmailFormProps, { sent?: boolean }> {
  render({ copy, onEmail }: EmailFormProps) {
    if (this.state.sent)
      return (
        <p part="thanks" role="status" tabIndex={-1} ref={focus}>
          {copy.thanks}
        </p>
      );
    return (
      <form
        part="form"
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem('email') as HTMLInputElement;
          const email = input.value.trim();
          // The browser checks type="email" first; this also catches a submit that skipped it.
          if (!/^[^\s@]+@[^\s@]+$/.test(email)) return input.focus();
          onEmail(email);
          this.setState({ sent: true });
        }}
      >
        <label part="label" for="cb-email">
          {copy.emailLabel}
        </label>
        <input part="input" id="cb-email" name="email" type="email" autocomplete="email" required />
        <button part="submit" type="submit">
          {copy.emailSubmit}
        </button>
      </form>
    );
  }
}
