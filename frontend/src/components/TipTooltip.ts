// Loaded by Tip when a tip is first shown.
export { Tooltip as default } from '@mantine/core';
