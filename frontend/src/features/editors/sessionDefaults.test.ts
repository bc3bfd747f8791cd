import { describe, expect, it } from 'vitest';
import { diffSessionDefaults, parameterNameError, parseConfig, sessionDefaultErrors } from './sessionDefaults';

describe('session defaults', () => {
  it('reads name=value entries, keeping "=" and commas inside the value', () => {
    expect(parseConfig(['search_path=a, "Odd, one"', 'x=1=2', 'broken'])).toEqual([
      { name: 'search_path', value: 'a, "Odd, one"' },
      { name: 'x', value: '1=2' },
    ]);
    expect(parseConfig(null)).toEqual([]);
  });

  it('sends only changed or new parameters, and resets removed ones', () => {
    const orig = [
      { name: 'search_path', value: 'a, b' },
      { name: 'statement_timeout', value: '5min' },
      { name: 'work_mem', value: '8MB' },
    ];
    const next = [
      { name: 'search_path', value: 'a, b' },
      { name: 'Statement_Timeout', value: '10min' },
      { name: 'query_group', value: 'etl' },
    ];
    expect(diffSessionDefaults(orig, next)).toEqual({
      setParameters: [
        { name: 'statement_timeout', value: '10min' },
        { name: 'query_group', value: 'etl' },
      ],
      resetParameters: ['work_mem'],
    });
    expect(diffSessionDefaults(orig, orig)).toEqual({ setParameters: [], resetParameters: [] });
  });

  it('refuses names the backend would refuse, and a name given twice', () => {
    expect(parameterNameError('search_path')).toBeUndefined();
    expect(parameterNameError('app.tenant')).toBeUndefined();
    expect(parameterNameError('all')).toMatch(/RESET ALL/);
    expect(parameterNameError('a; DROP USER x')).toMatch(/Letters a-z/);
    expect(parameterNameError('')).toMatch(/Enter/);
    expect(sessionDefaultErrors([{ name: 'work_mem', value: '1' }, { name: 'WORK_MEM', value: '2' }])).toEqual([undefined, 'work_mem is already set above.']);
  });
});
