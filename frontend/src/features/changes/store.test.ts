import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../api/changes';
import { pending, usePending } from './store';

const role = (name: string): Change => ({ kind: 'create_role', role: { name } });
const names = (s: string) => pending.items(s).map((i) => i.change.role?.name ?? i.change.user?.name);

describe('pending store', () => {
  beforeEach(() => pending.reset());

  it('keeps one ordered set per session', () => {
    pending.add('s1', [role('a'), role('b')]);
    pending.add('s2', role('x'));
    pending.add('s1', role('c'));
    expect(names('s1')).toEqual(['a', 'b', 'c']);
    expect(names('s2')).toEqual(['x']);
  });

  it('removes and reorders', () => {
    const [a, , c] = pending.add('s', [role('a'), role('b'), role('c')]);
    pending.move('s', c, -1);
    expect(names('s')).toEqual(['a', 'c', 'b']);
    pending.move('s', a, -5);
    expect(names('s')).toEqual(['a', 'c', 'b']);
    pending.move('s', a, 10);
    expect(names('s')).toEqual(['c', 'b', 'a']);
    pending.remove('s', c);
    expect(names('s')).toEqual(['b', 'a']);
    pending.clear('s');
    expect(pending.items('s')).toEqual([]);
  });

  it('replaces the items of one origin in place', () => {
    pending.add('s', role('form1'));
    pending.add('s', [role('m1'), role('m2')], 'matrix');
    pending.add('s', role('form2'));
    pending.replace('s', (i) => i.origin === 'matrix', [role('m3')], 'matrix');
    expect(names('s')).toEqual(['form1', 'm3', 'form2']);
    pending.replace('s', (i) => i.origin === 'matrix', [], 'matrix');
    expect(names('s')).toEqual(['form1', 'form2']);
    pending.replace('s', (i) => i.origin === 'matrix', [role('m4')], 'matrix');
    expect(names('s')).toEqual(['form1', 'form2', 'm4']);
  });

  it('forgets a session\'s set, passwords included, on clear', () => {
    pending.add('s', { kind: 'create_user', user: { name: 'u', password: 'Secret123' } });
    pending.add('t', role('r'));
    pending.clear('s');
    expect(pending.items('s')).toEqual([]);
    expect(pending.items('t')).toHaveLength(1);
  });

  it('re-renders subscribers', () => {
    const { result } = renderHook(() => usePending('s'));
    expect(result.current).toHaveLength(0);
    act(() => {
      pending.add('s', role('a'));
    });
    expect(result.current).toHaveLength(1);
  });
});
