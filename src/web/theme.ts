import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A deep blue that keeps at least 4.5:1 contrast for white text on filled buttons. */
const schakel: MantineColorsTuple = [
  '#e8f1fb',
  '#d0e2f5',
  '#a3c4ea',
  '#72a4de',
  '#4a89d3',
  '#3178cc',
  '#1f62b0',
  '#1a5aa3',
  '#144b88',
  '#0d3a6b',
];

export const theme = createTheme({
  /** People who ask their system for less motion get no sliding or fading. */
  respectReducedMotion: true,
  primaryColor: 'schakel',
  primaryShade: 7,
  colors: { schakel },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  focusRing: 'auto',
  headings: { fontWeight: '650' },
  components: {
    Badge: { defaultProps: { variant: 'outline' } },
  },
});

/** Darker "dimmed" and placeholder text than Mantine's defaults, for WCAG AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#555d66',
    '--mantine-color-placeholder': '#6b737b',
    '--mantine-color-error': '#c21a1a',
    '--mantine-color-anchor': '#1a5aa3',
  },
  dark: {},
});

/** Text-safe status colours (at least 4.5:1 on white and on their own light backgrounds). */
export const TONE = {
  success: '#1d6b30',
  danger: '#b02525',
  warning: '#9a3d00',
  neutral: '#343a40',
  info: '#1a5aa3',
  accent: '#6b2a80',
} as const;
