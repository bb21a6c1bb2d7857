import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorSchemeManager, type MantineColorsTuple } from '@mantine/core';

/**
 * Text a tired eye can read: WCAG AA (4.5:1) for every text colour the console uses. Mantine's stock
 * shades put white on teal at 2.5:1 and dimmed grey at 3.3:1, so the darker shades are made dark enough
 * (measured, not guessed) and filled colours use shade 8. Shade 9 (light-variant text) stays readable
 * on the light hover background (shade 2), shade 8 (outline text) on a selected row (shade 1).
 */
function channels(hex: string): number[] {
  const n = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(n.slice(i, i + 2), 16));
}
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
/** Contrast of a colour against white (text on white, or white text on it). */
function contrastWithWhite(rgb: number[]): number {
  return 1.05 / (luminance(rgb) + 0.05);
}
const toHex = (rgb: number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The shade, darkened towards black just until it reaches `ratio` against white. */
function darkenTo(hex: string, ratio: number): string {
  let rgb = channels(hex);
  while (contrastWithWhite(rgb) < ratio) rgb = rgb.map((v) => v * 0.96);
  return toHex(rgb);
}

const readableColors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => {
    const s = [...shades];
    s[7] = darkenTo(s[7]!, 4.8);
    s[8] = darkenTo(s[8]!, 6.5);
    s[9] = darkenTo(s[9]!, 9);
    return [name, s as unknown as MantineColorsTuple];
  }),
);

export const theme = createTheme({
  colors: readableColors,
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
});

/** Dimmed text (descriptions, hints) at gray-7: 8:1 on white instead of gray-6's 3.3:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

/**
 * The console has one colour scheme (the contrast above is measured for it), so nothing is stored: Mantine's
 * default manager reads localStorage during the first render, which opens the page's storage at start.
 */
export const lightOnly: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => {},
  subscribe: () => {},
  unsubscribe: () => {},
  clear: () => {},
};
