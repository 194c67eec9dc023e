/**
 * Reads `data-*` attributes of the script tag into config: `data-checkout-url` becomes
 * `checkoutUrl`; a value is read as JSON when it is JSON (`"true"`, `"600000"`,
 * `'{"armDelay":3000}'`) and kept as text otherwise (`"EUR"`); an empty attribute
 * (`data-debug`) is `true`. Validation then names anything that is still wrong.
 */
export function readScriptConfig(script: HTMLOrSVGScriptElement | null): Record<string, unknown> {
  // Own attributes only, made own keys (not assigned): a `data-__proto__` is a key like any other.
  const data = (script as HTMLElement | null)?.dataset ?? {};
  return Object.fromEntries(Object.entries(data).map(([key, text]) => [key, readValue(text!)]));
}

function readValue(text: string): unknown {
  try {
    return text === '' || JSON.parse(text);
  } catch {
    return text;
  }
}
