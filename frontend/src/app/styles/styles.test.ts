import { describe, expect, it } from 'vitest';
import rest from './rest.css?raw';
import start from './start.css?raw';

// Mantine's own per-component stylesheets (not the layered variants), by name.
const files = import.meta.glob<string>('/node_modules/@mantine/core/styles/*.css', { query: '?raw', import: 'default', eager: true });
const mantine = new Map(
  Object.entries(files)
    .filter(([path]) => !path.endsWith('.layer.css'))
    .map(([path, text]) => [path.replace(/^.*\/(.+)\.css$/, '$1'), text]),
);
const full = Object.values(import.meta.glob<string>('/node_modules/@mantine/core/styles.css', { query: '?raw', import: 'default', eager: true }))[0];
const base = ['baseline', 'default-css-variables', 'global'];

/** The Mantine stylesheets one of ours imports, in order. */
const imports = (text: string) => [...text.matchAll(/^@import '@mantine\/core\/styles\/(.+)\.css';$/gm)].map((m) => m[1]);

/** Where a component's first class sits in Mantine's full stylesheet: the order it must load in. */
function position(name: string): number {
  const cls = /\.m_[0-9a-f]{6,8}\b/.exec(mantine.get(name) ?? '')?.[0];
  return cls ? full.indexOf(cls) : -1;
}

describe('the split Mantine stylesheets', () => {
  it('start with the base styles, in Mantine order', () => {
    expect(full.length).toBeGreaterThan(100_000);
    expect(imports(start).slice(0, 3)).toEqual(base);
  });

  it('between them import every Mantine stylesheet exactly once', () => {
    expect(mantine.size).toBeGreaterThan(100);
    expect([...imports(start), ...imports(rest)].sort()).toEqual([...mantine.keys()].sort());
  });

  it('keep the components in the order of Mantine’s full stylesheet', () => {
    for (const list of [imports(start).slice(3), imports(rest)]) {
      const at = list.map(position);
      expect(at.filter((p) => p < 0)).toEqual([]);
      expect(at).toEqual([...at].sort((a, b) => a - b));
    }
  });

  it('style the toasts from the start', () => {
    expect(start).toContain("@import '@mantine/notifications/styles.css';");
  });
});
