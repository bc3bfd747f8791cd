import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Effective, ObjectRow } from '../../api';
import { renderUI } from '../../test/render';
import { catalogFor, resetCatalogStores } from '../catalog/store';
import { pending } from '../changes/store';
import { envOf, summaryOf } from './fixtures.test-util';
import { ObjectGrantsDialog } from './ObjectGrantsDialog';
import { PrivilegeEditor, baseCells } from './PrivilegeEditor';

const api = vi.hoisted(() => ({
  load: vi.fn(),
  schemas: vi.fn(),
  schemaObjects: vi.fn(),
  effective: vi.fn(),
  effectiveDatabase: vi.fn(),
  objectGrants: vi.fn(),
  users: vi.fn(),
  roles: vi.fn(),
  groups: vi.fn(),
}));
vi.mock('../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 }));
afterAll(() => height && Object.defineProperty(HTMLElement.prototype, 'clientHeight', height));

const role = { kind: 'role' as const, name: 'analyst' };
const table = (name: string): ObjectRow => ({ ref: { kind: 'table', schema: 'sales', name }, kind: 'table', owner: 'admin', grantees: [] });

function effective(cells: Effective['cells'] = []): Effective {
  return { principal: role, superuser: false, reach: [], cells, scoped: [] };
}

async function mount(engine: 'redshift' | 'postgres', objects: ObjectRow[], eff: Effective) {
  resetCatalogStores();
  api.load.mockResolvedValue(summaryOf(engine));
  const counts: Record<string, number> = {};
  for (const o of objects) counts[o.ref.kind] = (counts[o.ref.kind] ?? 0) + 1;
  api.schemas.mockResolvedValue([{ name: 'sales', owner: 'admin', type: 'local', system: false, objects: counts, grants: 0 }]);
  api.schemaObjects.mockResolvedValue(objects);
  api.effective.mockResolvedValue(eff);
  await act(() => catalogFor(`s-${engine}`).load(false));
  renderUI(
    <div style={{ height: 800 }}>
      <PrivilegeEditor env={envOf(engine)} principal={role} schema="sales" onClose={vi.fn()} />
    </div>,
  );
  return screen.findByRole('grid', { name: 'Privileges on tables of sales' });
}

const cell = (name: string) => screen.getByRole('checkbox', { name });
const queued = (engine: string) => pending.items(`s-${engine}`).map((i) => i.change);

beforeEach(() => {
  pending.reset();
  vi.clearAllMocks();
});

describe('PrivilegeEditor', () => {
  it('has one section per vocabulary kind with a section: the schema kinds, then the database', async () => {
    await mount('postgres', [table('orders')], effective());
    const labels = within(screen.getByRole('radiogroup', { name: 'Object kind' }))
      .getAllByRole('radio')
      .map((r) => document.querySelector(`label[for="${r.id}"]`)?.textContent);
    expect(labels).toEqual(['Tables (1)', 'Sequences (0)', 'Functions (0)', 'Procedures (0)', 'Database']);
  });

  it('explains each privilege column with the help text of the vocabulary', async () => {
    await mount('postgres', [table('orders')], effective());
    await userEvent.hover(screen.getByText('TRUNCATE', { selector: 'span' }));
    expect(await screen.findByText('TRUNCATE: empty the table')).toBeInTheDocument();
  });

  it('shows direct, inherited and missing privileges, with the inheritance path', async () => {
    await mount(
      'postgres',
      [table('orders'), table('customers')],
      effective([
        { object: { kind: 'table', schema: 'sales', name: 'orders' }, privilege: 'SELECT', direct: true, inherited: false, grantOption: true, sources: [] },
        {
          object: { kind: 'table', schema: 'sales', name: 'customers' },
          privilege: 'SELECT',
          direct: false,
          inherited: true,
          grantOption: false,
          sources: [{ via: [{ kind: 'role', name: 'reader' }], grantOption: false }],
        },
      ]),
    );
    expect(cell('SELECT on sales.orders')).toHaveAttribute('data-state', 'direct');
    expect(cell('SELECT on sales.orders')).toHaveAttribute('data-option');
    expect(cell('SELECT on sales.orders')).toHaveAttribute('aria-checked', 'true');
    expect(cell('SELECT on sales.customers')).toHaveAttribute('data-state', 'inherited');
    expect(cell('SELECT on sales.customers')).toHaveAttribute('aria-checked', 'false');
    expect(cell('INSERT on sales.orders')).toHaveAttribute('data-state', 'none');
    // PostgreSQL columns: TRIGGER, no ALTER/DROP.
    expect(screen.getByRole('checkbox', { name: 'All TRIGGER' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'All ALTER' })).not.toBeInTheDocument();
    await userEvent.hover(cell('SELECT on sales.customers'));
    expect(await screen.findByText('Inherited through role reader')).toBeInTheDocument();
  });

  it('shows the inheritance path when the keyboard reaches the cell, and a row holding some privileges as mixed', async () => {
    const customers = { kind: 'table' as const, schema: 'sales', name: 'customers' };
    await mount(
      'postgres',
      [table('customers')],
      effective([
        {
          object: customers,
          privilege: 'SELECT',
          direct: false,
          inherited: true,
          grantOption: false,
          sources: [{ via: [{ kind: 'role', name: 'reader' }], grantOption: false }],
        },
        { object: customers, privilege: 'INSERT', direct: true, inherited: false, grantOption: false, sources: [] },
      ]),
    );
    expect(screen.queryByText('Inherited through role reader')).not.toBeInTheDocument();
    await userEvent.click(cell('INSERT on sales.customers'));
    await userEvent.click(cell('INSERT on sales.customers'));
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(cell('SELECT on sales.customers')).toHaveFocus();
    expect(await screen.findByText('Inherited through role reader')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'All privileges on sales.customers' })).toHaveAttribute('aria-checked', 'mixed');
  });

  it('renders the schema picker\'s options only while it is open', async () => {
    await mount('postgres', [table('orders')], effective());
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    await userEvent.click(screen.getByRole('combobox', { name: 'Schema' }));
    expect(await screen.findByRole('option', { name: /sales/ })).toHaveTextContent('1 table');
  });

  it('queues a grant or revoke per toggle and offers the missing USAGE', async () => {
    await mount(
      'redshift',
      [table('orders'), table('customers')],
      effective([{ object: { kind: 'table', schema: 'sales', name: 'orders' }, privilege: 'DELETE', direct: true, inherited: false, grantOption: false, sources: [] }]),
    );
    expect(screen.getByRole('checkbox', { name: 'All ALTER' })).toBeInTheDocument();
    await userEvent.click(cell('SELECT on sales.orders'));
    await userEvent.click(cell('DELETE on sales.orders'));
    expect(cell('SELECT on sales.orders')).toHaveAttribute('data-state', 'grant');
    expect(cell('DELETE on sales.orders')).toHaveAttribute('data-state', 'revoke');
    expect(queued('redshift')).toEqual([
      { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'objects', objects: [{ kind: 'table', schema: 'sales', name: 'orders' }], grantee: role } },
      { kind: 'revoke_privileges', privilege: { privileges: ['DELETE'], target: 'objects', objects: [{ kind: 'table', schema: 'sales', name: 'orders' }], grantee: role } },
    ]);
    const offer = screen.getByRole('alert', { name: 'USAGE missing on sales' });
    await userEvent.click(within(offer).getByRole('button', { name: 'Add USAGE on sales' }));
    expect(screen.queryByRole('alert', { name: 'USAGE missing on sales' })).not.toBeInTheDocument();
    expect(cell('USAGE on schema sales')).toHaveAttribute('data-state', 'grant');
    expect(queued('redshift')[0]).toEqual({
      kind: 'grant_privileges',
      privilege: { privileges: ['USAGE'], target: 'objects', objects: [{ kind: 'schema', schema: 'sales' }], grantee: role },
    });
    // A second click undoes the toggle.
    await userEvent.click(cell('SELECT on sales.orders'));
    expect(queued('redshift').some((c) => c.kind === 'grant_privileges' && c.privilege?.privileges.includes('SELECT'))).toBe(false);
  });

  it('selects a whole column as ALL TABLES IN SCHEMA and a row as all its privileges', async () => {
    await mount('postgres', [table('a'), table('b'), table('c')], effective());
    await userEvent.click(screen.getByRole('checkbox', { name: 'All SELECT' }));
    expect(queued('postgres')).toEqual([
      { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'all_in_schema', kind: 'table', schemas: ['sales'], grantee: role } },
    ]);
    expect(screen.getByRole('checkbox', { name: 'All SELECT' })).toBeChecked();
    await userEvent.click(screen.getByRole('checkbox', { name: 'All privileges on sales.a' }));
    const row = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'REFERENCES', 'TRUNCATE', 'TRIGGER'].map((p) => cell(`${p} on sales.a`));
    expect(row.every((c) => c.getAttribute('aria-checked') === 'true')).toBe(true);
    // Clearing the column removes the grants again (nothing was held).
    await userEvent.click(screen.getByRole('checkbox', { name: 'All SELECT' }));
    expect(queued('postgres').flatMap((c) => c.privilege?.privileges ?? [])).not.toContain('SELECT');
  });

  it('queues a whole-schema grant, and on Redshift the scoped form', async () => {
    await mount('redshift', [table('a'), table('b')], effective());
    await userEvent.click(screen.getByRole('button', { name: 'Whole schema…' }));
    const pop = await screen.findByLabelText('Whole schema');
    await userEvent.click(within(pop).getByRole('radio', { name: /Current and future tables/ }));
    await userEvent.click(within(pop).getByRole('checkbox', { name: 'INSERT' }));
    await userEvent.click(within(pop).getByRole('button', { name: 'Queue' }));
    expect(queued('redshift')).toEqual([
      { kind: 'grant_privileges', privilege: { privileges: ['SELECT', 'INSERT'], target: 'scoped_in_schema', kind: 'table', schemas: ['sales'], grantee: role } },
    ]);
    // A scoped permission is not a grant on each table: the grid stays as it was,
    // the scoped strip shows what is queued.
    expect(cell('INSERT on sales.b')).toHaveAttribute('data-state', 'none');
    expect(cell('INSERT on sales.b')).toHaveAttribute('aria-checked', 'false');
    const strip = screen.getByRole('region', { name: 'Scoped permissions' });
    expect(within(strip).getByLabelText('INSERT on all tables in schema sales — to grant')).toBeInTheDocument();
    expect(within(strip).getByLabelText('SELECT on all tables in schema sales — to grant')).toBeInTheDocument();
  });

  it('offers the default privilege that extends a whole-schema grant to tables created later (PostgreSQL)', async () => {
    api.users.mockResolvedValue([{ name: 'admin', identity: 'local', connectionLimit: -1, roles: 0, groups: 0, grants: 0 }]);
    api.roles.mockResolvedValue([]);
    await mount('postgres', [table('a'), table('b')], effective());
    await userEvent.click(screen.getByRole('button', { name: 'Whole schema…' }));
    const pop = await screen.findByLabelText('Whole schema');
    await userEvent.click(within(pop).getByRole('checkbox', { name: 'Also tables created later by' }));
    // The schema's owner is the creator offered first.
    expect((await within(pop).findAllByDisplayValue('admin')).length).toBeGreaterThan(0);
    await userEvent.click(within(pop).getByRole('button', { name: 'Queue' }));
    expect(queued('postgres')).toEqual([
      { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'all_in_schema', kind: 'table', schemas: ['sales'], grantee: role } },
      { kind: 'grant_default_privileges', default: { creator: { kind: 'user', name: 'admin' }, schema: 'sales', objectType: 'tables', privileges: ['SELECT'], grantee: role } },
    ]);
  });

  it('shows held scoped permissions in their own strip, not as object or schema cells', async () => {
    const sales = { kind: 'schema' as const, schema: 'sales' };
    const scopedGrant = { object: sales, grantee: { kind: 'role' as const, name: 'bi' }, privilege: 'SELECT', grantOption: false, scope: 'TABLES' };
    const eff: Effective = {
      ...effective([{ object: sales, privilege: 'USAGE', direct: true, inherited: false, grantOption: false, sources: [] }]),
      scoped: [
        { object: sales, privilege: 'SELECT', scope: 'TABLES', direct: false, inherited: true, grantOption: false, sources: [{ via: [{ kind: 'role', name: 'bi' }], grantOption: scopedGrant.grantOption }] },
        { object: sales, privilege: 'EXECUTE', scope: 'FUNCTIONS', direct: true, inherited: false, grantOption: false, sources: [] },
      ],
    };
    await mount('redshift', [table('a')], eff);
    expect(cell('SELECT on sales.a')).toHaveAttribute('data-state', 'none');
    expect(cell('USAGE on schema sales')).toHaveAttribute('data-state', 'direct');
    const strip = screen.getByRole('region', { name: 'Scoped permissions' });
    expect(within(strip).getByLabelText('SELECT on all tables in schema sales — inherited through role bi')).toBeInTheDocument();
    // The functions' scoped permission belongs to the Functions section.
    expect(within(strip).queryByText(/EXECUTE/)).toBeNull();
  });

  it('stays fast with 2,000 tables: only the visible rows are in the DOM', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => table(`t${String(i).padStart(4, '0')}`));
    const t0 = performance.now();
    const grid = await mount('postgres', many, effective());
    const rendered = within(grid).getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    expect(within(grid).getByText(/Tables \(2,000\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'All SELECT' }));
    // The whole column is one small change, not 2,000 objects.
    expect(queued('postgres')).toEqual([
      { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'all_in_schema', kind: 'table', schemas: ['sales'], grantee: role } },
    ]);
    expect(performance.now() - t0).toBeLessThan(15000);
  });
});

describe('baseCells', () => {
  it('counts a privilege held only after SET ROLE as not held', () => {
    const orders = { kind: 'table' as const, schema: 'sales', name: 'orders' };
    const m = baseCells(
      effective([
        {
          object: orders,
          privilege: 'SELECT',
          direct: false,
          inherited: false,
          grantOption: false,
          setRole: 'reader',
          sources: [{ via: [{ kind: 'role', name: 'reader' }], setRole: 'reader', grantOption: false }],
        },
      ]),
    );
    expect(m.size).toBe(0);
  });
});

describe('ObjectGrantsDialog', () => {
  it('shows grantees of an object and adds one', async () => {
    resetCatalogStores();
    api.load.mockResolvedValue(summaryOf('postgres'));
    api.users.mockResolvedValue([]);
    api.roles.mockResolvedValue([{ name: 'auditor', system: false }]);
    api.groups.mockResolvedValue([]);
    api.objectGrants.mockResolvedValue([
      { object: { kind: 'table', schema: 'sales', name: 'orders' }, grantee: { kind: 'role', name: 'reader' }, privilege: 'SELECT', grantOption: false },
      { object: { kind: 'table', schema: 'sales', name: 'orders' }, grantee: { kind: 'user', name: 'admin' }, privilege: 'SELECT', grantOption: true, implied: true },
      { object: { kind: 'column', schema: 'sales', name: 'orders', column: 'total' }, grantee: { kind: 'role', name: 'x' }, privilege: 'SELECT', grantOption: false },
    ]);
    await act(() => catalogFor('s-postgres').load(false));
    renderUI(<ObjectGrantsDialog env={envOf('postgres')} object={{ kind: 'table', schema: 'sales', name: 'orders' }} onClose={vi.fn()} />);
    const grid = await screen.findByRole('grid', { name: 'Grantees of sales.orders' });
    // The owner's implied rights and column grants are not rows here.
    expect(within(grid).getAllByRole('row')).toHaveLength(2);
    expect(cell('SELECT on role reader')).toHaveAttribute('data-state', 'direct');
    await userEvent.click(screen.getByRole('combobox', { name: 'Add a grantee' }));
    await userEvent.click(await screen.findByRole('option', { name: 'auditor' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add row' }));
    await userEvent.click(cell('UPDATE on role auditor'));
    await userEvent.click(cell('SELECT on role reader'));
    expect(queued('postgres')).toEqual([
      { kind: 'grant_privileges', privilege: { privileges: ['UPDATE'], target: 'objects', objects: [{ kind: 'table', schema: 'sales', name: 'orders' }], grantee: { kind: 'role', name: 'auditor' } } },
      { kind: 'revoke_privileges', privilege: { privileges: ['SELECT'], target: 'objects', objects: [{ kind: 'table', schema: 'sales', name: 'orders' }], grantee: { kind: 'role', name: 'reader' } } },
    ]);
  });
});
