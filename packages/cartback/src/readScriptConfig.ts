const BOOLEANS = /^(debug|requireConsent|respectGlobalPrivacyControl)$/;

/**
 * Reads `data-*` attributes of the script tag into config: `data-checkout-url` becomes
 * `checkoutUrl`, boolean options accept "" / "true" / "false", numbers are numbers, and a
 * value starting with `{` or `[` is parsed as JSON (`data-exit-intent='{"armDelay":3000}'`).
 * A value that does not parse is passed on as it is, for validation to name.
 */
export function readScriptConfig(script: HTMLOrSVGScriptElement | null): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const data = (script as HTMLElement | null)?.dataset ?? {};
  for (const key of Object.keys(data)) {
    const raw = data[key]!;
    let value: unknown = raw;
    if (BOOLEANS.test(key) && /^(|true|false)$/.test(raw)) value = raw !== 'false';
    else if (/^-?\d+(\.\d+)?$/.test(raw) && key !== 'endpoint') value = Number(raw);
    else if (/^[[{]/.test(raw)) {
      try {
        value = JSON.parse(raw);
      } catch {}
    }
    config[key] = value;
  }
  return config;
}
