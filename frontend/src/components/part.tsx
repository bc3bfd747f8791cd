import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { loadWhenIdle } from '../app/reportPainted';

/**
 * A component whose code a start does not load (a menu, a tooltip, a
 * dialog): it is fetched once the window is idle after the first screen, or
 * when first wanted if that is sooner.
 */
export interface Part<P> {
  /** The component, once its code is in. */
  loaded: ComponentType<P> | null;
  load: () => Promise<ComponentType<P>>;
}

export function part<P>(load: () => Promise<ComponentType<P>>): Part<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  const p: Part<P> = {
    loaded: null,
    load: () =>
      (pending ??= load().then(
        (c) => (p.loaded = c),
        (e: unknown) => {
          pending = null; // a later use tries again
          throw e;
        },
      )),
  };
  loadWhenIdle(p.load);
  return p;
}

/**
 * The part's component once wanted is true and its code is in; null until
 * then. Not React.lazy with Suspense: React holds back the content of a
 * Suspense boundary that showed its fallback (300 ms), which a menu, a
 * tooltip or a prompt opening must not wait for.
 */
function usePart<P>(part: Part<P>, wanted: boolean): ComponentType<P> | null {
  const [, loadedNow] = useState(0);
  const loaded = part.loaded;
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    part.load().then(
      () => live && loadedNow((n) => n + 1),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [part, wanted, loaded]);
  return loaded;
}

/**
 * children(the part's component) once when is true and its code is in;
 * until then fallback (nothing by default).
 */
export function WithPart<P>({
  part,
  when,
  fallback = null,
  children,
}: {
  part: Part<P>;
  when: boolean;
  fallback?: ReactNode;
  children: (Component: ComponentType<P>) => ReactNode;
}) {
  const Component = usePart(part, when);
  return when && Component ? children(Component) : fallback;
}
