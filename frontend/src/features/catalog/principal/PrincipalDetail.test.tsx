import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../../test/render';
import { juliaDetail, session, summary } from '../fixtures.test-util';
import { CatalogSession } from '../parts';
import { TAB_KEY, catalogFor, resetCatalogStores, selectedKey } from '../store';
import { PrincipalPane } from './PrincipalPane';

const api = vi.hoisted(() => ({ load: vi.fn(), principal: vi.fn(), schemas: vi.fn(), effective: vi.fn(), schemaObjects: vi.fn() }));

vi.mock('../../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 500 }));
afterAll(() => height && Object.defineProperty(HTMLElement.prototype, 'clientHeight', height));

const fa = { kind: 'role' as const, name: 'finance_analyst' };
const budgets = { kind: 'table' as const, schema: 'finance', name: 'budgets' };

/** A privilege julia.rossi would hold only after SET ROLE platform_admin. */
const setRoleCell = {
  object: budgets,
  privilege: 'INSERT',
  direct: false,
  inherited: false,
  grantOption: false,
  setRole: 'platform_admin',
  sources: [
    {
      via: [{ kind: 'role' as const, name: 'platform_admin' }],
      grant: { object: budgets, grantee: { kind: 'role' as const, name: 'platform_admin' }, privilege: 'INSERT', grantOption: false },
      setRole: 'platform_admin',
    },
  ],
};

async function mount(extraCells: unknown[] = []) {
  resetCatalogStores();
  api.load.mockResolvedValue(summary());
  api.principal.mockResolvedValue(juliaDetail);
  api.schemas.mockResolvedValue([
    { name: 'finance', owner: 'admin', type: 'local', system: false, tables: 1, views: 0, sequences: 0, functions: 0, procedures: 0, grants: 1 },
  ]);
  api.schemaObjects.mockResolvedValue([
    { ref: { kind: 'table', schema: 'finance', name: 'salaries' }, kind: 'table', owner: 'admin', grantees: [] },
    { ref: { kind: 'table', schema: 'finance', name: 'budgets' }, kind: 'table', owner: 'admin', grantees: [] },
  ]);
  api.effective.mockResolvedValue({
    principal: juliaDetail.ref,
    superuser: false,
    reach: [],
    cells: [
      {
        object: { kind: 'table', schema: 'finance', name: 'salaries' },
        privilege: 'SELECT',
        direct: false,
        inherited: true,
        grantOption: false,
        sources: [
          {
            via: [fa],
            grant: { object: { kind: 'table', schema: 'finance', name: 'salaries' }, grantee: fa, privilege: 'SELECT', grantOption: false },
          },
        ],
      },
      ...extraCells,
    ],
  });
  await act(() => catalogFor(session.id).load(false));
  renderUI(
    <CatalogSession session={session}>
      <div style={{ height: 700, display: 'flex', flexDirection: 'column' }}>
        <PrincipalPane session={session} principal={juliaDetail.ref} placeholder={{ title: '', text: '' }} />
      </div>
    </CatalogSession>,
  );
  await screen.findByRole('heading', { name: 'julia.rossi' });
}

describe('PrincipalDetailView', () => {
  beforeEach(() => vi.clearAllMocks());

  it('shows attributes and memberships both ways with the admin option', async () => {
    await mount();
    expect(screen.getByText('unlimited')).toBeInTheDocument(); // connection limit -1
    expect(screen.getByText('never expires')).toBeInTheDocument();
    const memberOf = screen.getByRole('region', { name: 'Member of' });
    expect(within(memberOf).getByRole('button', { name: /finance_analyst/ })).toBeInTheDocument();
    expect(within(memberOf).getByText('admin option')).toBeInTheDocument();
    const inherits = screen.getByRole('region', { name: 'Inherits from' });
    expect(within(inherits).getByLabelText('Path to analyst')).toHaveTextContent('julia.rossifinance_analystanalyst');
    expect(within(inherits).getByRole('button', { name: /PUBLIC/ })).toBeInTheDocument();
  });

  it('navigates to a role when a membership is clicked', async () => {
    await mount();
    await userEvent.click(within(screen.getByRole('region', { name: 'Member of' })).getByRole('button', { name: /finance_analyst/ }));
    const store = catalogFor(session.id);
    expect(store.getUI(TAB_KEY, '')).toBe('roles');
    expect(store.getUI(selectedKey('roles'), null)).toEqual({ kind: 'role', name: 'finance_analyst' });
  });

  it('groups direct privileges by schema, then object', async () => {
    await mount();
    await userEvent.click(screen.getByRole('tab', { name: /Privileges/ }));
    const list = await screen.findByRole('list', { name: 'Privileges of julia.rossi' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Databases and languages1 object',
      'analyticsTEMP',
      'finance1 object',
      'salariesSELECT (id, name)UPDATE (bonus)',
      'sales2 objects',
      'sales (the schema)USAGE',
      'v_ordersSELECT',
    ]);
    const viewRow = within(list).getAllByRole('listitem')[6];
    expect(within(viewRow).getByText('SELECT').closest('[data-grant-option]')).not.toBeNull();
  });

  it('lists default privileges received', async () => {
    await mount();
    await userEvent.click(screen.getByRole('tab', { name: /Default privileges/ }));
    const received = await screen.findByRole('region', { name: 'What julia.rossi receives on new objects' });
    expect(within(received).getByRole('button', { name: /etl_loader/ })).toBeInTheDocument();
    expect(within(received).getByText('raw')).toBeInTheDocument();
    expect(within(received).getByText('Tables')).toBeInTheDocument();
  });

  it('shows effective access with the inherited path, for one schema', async () => {
    await mount();
    await userEvent.click(screen.getByRole('tab', { name: /Effective access/ }));
    const list = await screen.findByRole('list', { name: 'Effective access of julia.rossi' });
    expect(api.effective).toHaveBeenCalledWith('s1', { kind: 'user', name: 'julia.rossi' }, 'finance');
    const badge = within(list).getByText('SELECT').closest('[data-privilege]')!;
    expect(badge.getAttribute('title')).toContain('via julia.rossi → finance_analyst');
    expect(screen.getByText(/1 of 2 objects in finance with some access/)).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: 'Show privileges' })).toBeNull();
  });

  it('shows what SET ROLE unlocks apart from what it holds, with the role to set, and filters it', async () => {
    await mount([setRoleCell]);
    await userEvent.click(screen.getByRole('tab', { name: /Effective access/ }));
    const list = await screen.findByRole('list', { name: 'Effective access of julia.rossi' });
    const budgetsRow = within(list).getAllByRole('listitem').find((r) => r.textContent?.includes('budgets'))!;
    expect(within(budgetsRow).getByText('SET ROLE platform_admin:')).toBeInTheDocument();
    const badge = within(budgetsRow).getByText('INSERT').closest('[data-privilege]')!;
    expect(badge.getAttribute('data-set-role')).toBe('platform_admin');
    expect(badge.getAttribute('title')).toContain('not held in its login session: available after SET ROLE platform_admin');
    expect(badge.getAttribute('title')).toContain('after SET ROLE platform_admin: via julia.rossi → platform_admin');
    // Held counts only the session: budgets is reachable, not held.
    expect(screen.getByText(/1 of 2 objects in finance with some access.* · 1 object with more after SET ROLE$/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'Login session' }));
    expect(within(list).queryByText('INSERT')).toBeNull();
    expect(within(list).getByText('SELECT')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'SET ROLE only' }));
    expect(within(list).queryByText('SELECT')).toBeNull();
    expect(within(list).getByText('INSERT')).toBeInTheDocument();
  });
});
