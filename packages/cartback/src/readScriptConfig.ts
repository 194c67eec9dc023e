/**
 * Reads `data-*` attributes of the script tag into config: `data-checkout-url` becomes
 * `checkoutUrl`; a value is read as JSON when it is JSON (`"true"`, `"600000"`,
 * `'{"armDelay":3000}'`) and kept as text otherwise (`"EUR"`); an empty attribute
 * (`data-debug`) is `true`. Validation then names anything that is still wrong.
 */
export function readScriptConfig(script: HTMLOrSVGScriptElement | null): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const data = (script as HTMLElement | null)?.dataset ?? {};
  for (const key in data) {
    let value: unknown = data[key];
    try {
      value = value === '' || JSON.parse(value as string);
    } catch {}
    config[key] = value;
  }
  return config;
}
