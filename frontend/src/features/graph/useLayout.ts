import { useEffect, useState } from 'react';
import type { Placed } from './elk';

/**
 * Positions of input's nodes once the (asynchronous) layout is done; null
 * while it runs or when input changed since. A stale layout never shows.
 */
export function useLayout<T>(input: T, layout: (input: T) => Promise<Map<string, Placed>>): Map<string, Placed> | null {
  const [pos, setPos] = useState<{ of: T; at: Map<string, Placed> } | null>(null);
  useEffect(() => {
    let live = true;
    void layout(input).then((at) => live && setPos({ of: input, at }));
    return () => {
      live = false;
    };
  }, [input, layout]);
  return pos?.of === input ? pos.at : null;
}
