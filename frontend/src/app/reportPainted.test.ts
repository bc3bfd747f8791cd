import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadIdleParts, loadWhenIdle } from './reportPainted';

describe('loadWhenIdle', () => {
  afterEach(() => vi.useRealTimers());

  it('returns the loader unchanged, and loadIdleParts calls every registered one once the window is idle', async () => {
    vi.useFakeTimers();
    const a = vi.fn(() => Promise.resolve('a'));
    const b = vi.fn(() => Promise.resolve('b'));
    expect(loadWhenIdle(a)).toBe(a);
    loadWhenIdle(b);
    loadIdleParts();
    // Nothing yet: the loads wait for the window to be idle.
    expect(a).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('a part that fails to load is not an error (its first use loads it again)', async () => {
    vi.useFakeTimers();
    const bad = vi.fn(() => Promise.reject(new Error('offline')));
    loadWhenIdle(bad);
    loadIdleParts();
    await vi.runAllTimersAsync();
    expect(bad).toHaveBeenCalled();
  });
});
