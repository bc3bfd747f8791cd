import { act, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Effective } from '../../../api';
import { renderUI } from '../../../test/render';
import { juliaDetail, session, summary } from '../fixtures.test-util';
import { CatalogSession } from '../parts';
import { catalogFor, resetCatalogStores } from '../store';
import { EffectivePanel } from './EffectivePanel';

const api = vi.hoisted(() => ({ load: vi.fn(), schemas: vi.fn(), effective: vi.fn(), schemaObjects: vi.fn() }));

vi.mock('../../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 500 }));
afterAll(() => height && Object.defineProperty(HTMLElement.prototype, 'clientHeight', height));

describe('EffectivePanel', () => {
  it('shows scoped permissions in their own strip, not as privileges on the schema row', async () => {
    resetCatalogStores();
    const finance = { kind: 'schema' as const, schema: 'finance' };
    const salaries = { kind: 'table' as const, schema: 'finance', name: 'salaries' };
    const me = juliaDetail.ref;
    const eff: Effective = {
      principal: me,
      superuser: false,
      reach: [],
      cells: [
        { object: finance, privilege: 'USAGE', direct: true, inherited: false, grantOption: false, sources: [{ via: [], grantOption: false }] },
        { object: salaries, privilege: 'UPDATE', direct: true, inherited: false, grantOption: false, sources: [{ via: [], grantOption: false }] },
      ],
      scoped: [
        { object: finance, privilege: 'SELECT', scope: 'TABLES', direct: true, inherited: false, grantOption: false, sources: [{ via: [], grantOption: false }] },
      ],
    };
    api.load.mockResolvedValue(summary());
    api.schemas.mockResolvedValue([{ name: 'finance', owner: 'admin', type: 'local', system: false, tables: 1, views: 0, sequences: 0, functions: 0, procedures: 0, grants: 1 }]);
    api.schemaObjects.mockResolvedValue([{ ref: salaries, kind: 'table', owner: 'admin', grantees: [] }]);
    api.effective.mockResolvedValue(eff);
    await act(() => catalogFor(session.id).load(false));
    renderUI(
      <CatalogSession session={session}>
        <div style={{ height: 700, display: 'flex', flexDirection: 'column' }}>
          <EffectivePanel session={session} detail={juliaDetail} />
        </div>
      </CatalogSession>,
    );
    const list = await screen.findByRole('list', { name: 'Effective access of julia.rossi' });
    const rows = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(rows).toEqual(['finance (the schema)USAGE', 'salariesUPDATE']);
    const strip = screen.getByRole('region', { name: 'Scoped permissions' });
    expect(within(strip).getByLabelText('SELECT on all tables in schema finance — held directly')).toBeInTheDocument();
  });
});
