import { useState } from 'react';

/**
 * True from the first render with opened set on. A dialog mounted only from
 * then costs nothing before it is first used (a closed Mantine modal still
 * renders a portal), and stays mounted after so it can animate out.
 */
export function useOpenedOnce(opened: boolean): boolean {
  const [once, setOnce] = useState(opened);
  // Adjusted while rendering, so the dialog mounts in the same commit it opens.
  if (opened && !once) setOnce(true);
  return once || opened;
}
