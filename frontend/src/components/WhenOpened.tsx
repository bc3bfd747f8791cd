import type { ComponentType, ReactNode } from 'react';
import { WithPart, type Part } from './part';
import { useOpenedOnce } from './useOpenedOnce';

/**
 * Renders a dialog whose code loads apart (see part.ts) from the first time
 * it opens: until then neither the dialog nor its code is part of the window.
 * It then stays mounted, so it can animate out and open again at once.
 */
export function WhenOpened<P>({ opened, part, children }: { opened: boolean; part: Part<P>; children: (Dialog: ComponentType<P>) => ReactNode }) {
  return (
    <WithPart part={part} when={useOpenedOnce(opened)}>
      {children}
    </WithPart>
  );
}
