/** An sRGB colour as three 0–255 channels. */
export type Rgb = [red: number, green: number, blue: number];

/** WCAG 2 relative luminance, the formula axe-core uses for its colour-contrast rule. */
function getLuminance(color: Rgb): number {
  const [r, g, b] = color.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG 2 contrast ratio of two colours, from 1 to 21 (AA: 4.5 for text, 3 for controls). */
export function getContrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [getLuminance(a), getLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
