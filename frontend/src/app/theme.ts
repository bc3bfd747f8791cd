import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A cool, slightly blue-tinted dark palette reads better for dense admin
// screens than pure greys; indigo is the accent, red is kept for Redshift.
const dark: MantineColorsTuple = [
  '#d5d8df',
  '#b4b9c4',
  '#9198a6',
  '#6c7384',
  '#454b59',
  '#323744',
  '#262a34',
  '#1d2028',
  '#17191f',
  '#111318',
];

const brand: MantineColorsTuple = [
  '#eef0ff',
  '#dcdefa',
  '#b6baef',
  '#8d94e5',
  '#6a73dc',
  '#545ed7',
  '#4853d5',
  '#3944bd',
  '#313caa',
  '#263397',
];

/**
 * Toasts: above everything, dialogs and the changes tray included, so an
 * outcome ("Script saved") is seen while the dialog that caused it is open.
 * They sit at the top centre, away from the bottom row where dialogs and the
 * tray keep their buttons.
 */
export const TOAST_Z_INDEX = 1000;

/**
 * The platform's UI font. The macOS and Windows webviews map system-ui to San
 * Francisco and Segoe UI at no cost, but WebKitGTK resolves it through GTK's
 * settings, which its web process must first set up, and the first frame
 * waits for that. There the fontconfig sans-serif is the platform's font.
 * Short stacks, because WebKitGTK asks fontconfig about every family it
 * passes over, per size and weight.
 */
export const UI_FONT = isLinuxWebview() ? 'sans-serif' : 'system-ui, sans-serif';
/** The monospace font: the fontconfig one on Linux, SF Mono or Consolas elsewhere. */
export const MONO_FONT = isLinuxWebview() ? 'monospace' : 'ui-monospace, Menlo, Consolas, monospace';

function isLinuxWebview(): boolean {
  return typeof navigator !== 'undefined' && /Linux/.test(navigator.userAgent) && !/Android/.test(navigator.userAgent);
}

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 6, dark: 5 },
  colors: { dark, brand },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  fontFamily: UI_FONT,
  fontFamilyMonospace: MONO_FONT,
  // Mantine's own headings stack starts with -apple-system, which WebKit reads as system-ui.
  headings: { fontWeight: '600', fontFamily: UI_FONT },
  fontSizes: { xs: '0.6875rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  spacing: { xs: '0.5rem', sm: '0.75rem', md: '1rem', lg: '1.25rem', xl: '1.75rem' },
  components: {
    Button: { defaultProps: { size: 'xs' } },
    ActionIcon: { defaultProps: { variant: 'subtle', color: 'gray' } },
    TextInput: { defaultProps: { size: 'xs' } },
    PasswordInput: { defaultProps: { size: 'xs' } },
    NumberInput: { defaultProps: { size: 'xs' } },
    Select: { defaultProps: { size: 'xs', allowDeselect: false } },
    NativeSelect: { defaultProps: { size: 'xs' } },
    ColorInput: { defaultProps: { size: 'xs' } },
    SegmentedControl: { defaultProps: { size: 'xs' } },
    Tooltip: { defaultProps: { openDelay: 400, withArrow: true, fz: 'xs' } },
    Menu: { defaultProps: { shadow: 'md', withinPortal: true } },
    Modal: {
      defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.45, blur: 2 } },
      // A dialog's backdrop sits just under its own layer (--mb-z-index).
      styles: { overlay: { zIndex: 'calc(var(--mb-z-index) - 2)' } },
    },
    Notification: {
      // The close button is an icon: without a name a screen reader says only
      // "button", and scripts/a11y.py cannot find it.
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      // Paths (where an export went), fingerprints and host names are long
      // unbroken words: wrap them rather than cut them off with an ellipsis.
      styles: { title: { overflowWrap: 'anywhere' }, description: { overflowWrap: 'anywhere' } },
    },
    Badge: { defaultProps: { radius: 'sm' }, styles: { root: { textTransform: 'none', letterSpacing: 0, fontWeight: 600 } } },
  },
});
