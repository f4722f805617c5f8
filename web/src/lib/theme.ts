// The Mantine theme. Filled buttons and links use shade 8 of blue, because Mantine's default
// (shade 6) with white text is below the WCAG AA contrast of 4.5:1; "dimmed" text gets a darker
// grey for the same reason. Animations stop for people who ask their system for reduced motion.
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  respectReducedMotion: true,
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
