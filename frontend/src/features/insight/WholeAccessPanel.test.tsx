import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Effective, ObjectRef } from '../../api';
import { renderUI } from '../../test/render';
import { juliaDetail, session, summary } from '../catalog/fixtures.test-util';
import { CatalogSession } from '../catalog/parts';
import { catalogFor, resetCatalogStores } from '../catalog/store';
import { WholeAccessPanel } from './WholeAccessPanel';

const api = vi.hoisted(() => ({ load: vi.fn(), effective: vi.fn() }));

vi.mock('../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 500 }));
afterAll(() => height && Object.defineProperty(HTMLElement.prototype, 'clientHeight', height));

describe('WholeAccessPanel', () => {
  it('asks for every schema at once and shows the path of the row the keyboard is on', async () => {
    resetCatalogStores();
    const me = juliaDetail.ref;
    const analyst = { kind: 'role' as const, name: 'finance_analyst' };
    const budgets: ObjectRef = { kind: 'table', schema: 'finance', name: 'budgets' };
    const orders: ObjectRef = { kind: 'table', schema: 'sales', name: 'orders' };
    const eff: Effective = {
      principal: me,
      superuser: false,
      reach: [],
      cells: [
        { object: budgets, privilege: 'UPDATE', direct: false, inherited: true, grantOption: false, sources: [{ via: [analyst], grantOption: false }] },
        { object: orders, privilege: 'SELECT', direct: true, inherited: false, grantOption: false, sources: [{ via: [], grantOption: false }] },
      ],
      scoped: [],
    };
    api.load.mockResolvedValue(summary());
    api.effective.mockResolvedValue(eff);
    await act(() => catalogFor(session.id).load(false));
    renderUI(
      <CatalogSession session={session}>
        <div style={{ height: 700, display: 'flex', flexDirection: 'column' }}>
          <WholeAccessPanel session={session} detail={juliaDetail} />
        </div>
      </CatalogSession>,
    );
    const list = await screen.findByRole('listbox', { name: 'Access across the database' });
    expect(api.effective).toHaveBeenCalledWith(session.id, me, '');
    const why = screen.getByRole('region', { name: 'Why' });
    expect(within(why).queryByText(/on finance\.budgets/)).toBeNull();

    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(within(why).getByText(/on finance\.budgets: inherited/)).toBeInTheDocument();
    expect(within(why).getByRole('button', { name: /finance_analyst/ })).toBeInTheDocument();

    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(within(why).getByText(/on sales\.orders: direct/)).toBeInTheDocument();
    expect(within(why).getByText(`Granted directly to ${me.name}`)).toBeInTheDocument();
  });
});
