import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { part, WithPart } from './part';

function Hello({ name }: { name: string }) {
  return <p>hello {name}</p>;
}

function deferred() {
  let resolve: (c: typeof Hello) => void = () => {};
  const load = vi.fn(() => new Promise<typeof Hello>((r) => (resolve = r)));
  return { load, resolve: (c: typeof Hello) => resolve(c) };
}

describe('part', () => {
  it('loads nothing until wanted, shows the fallback while loading, then the component', async () => {
    const d = deferred();
    const p = part(d.load);
    const { rerender } = render(
      <WithPart part={p} when={false} fallback={<p>button</p>}>
        {(C) => <C name="menu" />}
      </WithPart>,
    );
    expect(d.load).not.toHaveBeenCalled();
    expect(screen.getByText('button')).toBeInTheDocument();
    rerender(
      <WithPart part={p} when fallback={<p>button</p>}>
        {(C) => <C name="menu" />}
      </WithPart>,
    );
    expect(d.load).toHaveBeenCalledTimes(1);
    expect(screen.getByText('button')).toBeInTheDocument();
    await act(async () => d.resolve(Hello));
    expect(screen.getByText('hello menu')).toBeInTheDocument();
    expect(p.loaded).toBe(Hello);
  });

  it('once loaded, renders the component in the same render it is wanted (no wait for a Suspense reveal)', async () => {
    const p = part(() => Promise.resolve(Hello));
    await p.load();
    render(
      <WithPart part={p} when>
        {(C) => <C name="again" />}
      </WithPart>,
    );
    // Synchronously: no act, no await.
    expect(screen.getByText('hello again')).toBeInTheDocument();
  });

  it('asks for the code once however many places want it, and again after a failed load', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(Hello);
    const p = part(load);
    await expect(p.load()).rejects.toThrow('offline');
    await Promise.all([p.load(), p.load()]);
    expect(load).toHaveBeenCalledTimes(2);
    expect(p.loaded).toBe(Hello);
  });
});
