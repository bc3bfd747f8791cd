/**
 * Bound calls that index.html starts while the app's code is still loading:
 * the data of the first screen (the saved connections, the keychain's status
 * in the status bar, the Local sandbox offer). With their answers in hand the first render shows the whole
 * welcome screen, instead of a loading state, then the data, and two paints.
 */
export interface EarlyCall<T> {
  /** Settles (never rejects) once the call has. */
  promise: Promise<void>;
  done?: boolean;
  value?: T;
  error?: unknown;
}

/** The calls index.html starts, by name. */
export type EarlyName = 'profiles' | 'keychain' | 'sandbox';

declare global {
  interface Window {
    rsmateEarly?: Partial<Record<EarlyName, EarlyCall<unknown>>>;
  }
}

/** The early call of that name, once: later callers (and tests) get undefined. */
export function takeEarly<T>(name: EarlyName): EarlyCall<T> | undefined {
  const early = window.rsmateEarly;
  const call = early?.[name] as EarlyCall<T> | undefined;
  if (early) delete early[name];
  return call;
}

/** The call's answer when it has already succeeded, else undefined. */
export function earlyValue<T>(call: EarlyCall<T> | undefined): T | undefined {
  return call?.done && !call.error ? call.value : undefined;
}

/** The early call's answer, or a fresh call's when there was none or it failed. */
export function earlyOr<T>(call: EarlyCall<T> | undefined, fresh: () => Promise<T>): Promise<T> {
  if (!call) return fresh();
  return call.promise.then(() => (call.done && !call.error ? (call.value as T) : fresh()));
}
