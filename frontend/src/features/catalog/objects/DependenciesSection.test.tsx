import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DependencyGraph } from '../../../api/depends';
import { renderUI } from '../../../test/render';
import { session, summary } from '../fixtures.test-util';
import { CatalogSession } from '../parts';
import { catalogFor, resetCatalogStores } from '../store';
import { DependenciesSection, VIEW_ACCESS_NOTE } from './DependenciesSection';

const api = vi.hoisted(() => ({ load: vi.fn(), around: vi.fn() }));

vi.mock('../../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, load: api.load } };
});
vi.mock('../../../api/depends', () => ({ dependsApi: { around: api.around } }));

const orders = { schema: 'sales', name: 'orders', kind: 'r' };
const summaryView = { schema: 'sales', name: 'v_summary', kind: 'v' };
const byRegion = { schema: 'Reporting Area', name: 'Revenue by Region', kind: 'v' };
const graph: DependencyGraph = {
  graph: {
    root: orders,
    upstream: [],
    downstream: [byRegion, summaryView],
    edges: [
      { view: summaryView, from: orders },
      { view: byRegion, from: summaryView },
    ],
  },
  nodes: [
    { schema: 'sales', name: 'orders', kind: 'table', owner: 'etl', readers: 7, public: false, securityInvoker: false },
    { schema: 'Reporting Area', name: 'Revenue by Region', kind: 'view', owner: 'bi_developer', readers: 40, public: true, securityInvoker: false },
    { schema: 'sales', name: 'v_summary', kind: 'view', owner: 'etl', readers: 9, public: false, securityInvoker: true },
  ],
};

describe('DependenciesSection as a list', () => {
  it('lists each view built on the table with its kind, owner and readers, and says what revoking through a view does', async () => {
    resetCatalogStores();
    api.load.mockResolvedValue(summary());
    api.around.mockResolvedValue(graph);
    await act(() => catalogFor(session.id).load(false));
    catalogFor(session.id).setUI('depends.view', 'list');
    renderUI(
      <CatalogSession session={session}>
        <DependenciesSection sessionId={session.id} schema="sales" relation="orders" />
      </CatalogSession>,
    );
    const builtOn = await screen.findByRole('list', { name: 'Built on it' });
    expect(api.around).toHaveBeenCalledWith(session.id, 'sales', 'orders');
    const rows = within(builtOn).getAllByRole('listitem').map((li) => li.textContent);
    expect(rows).toEqual([
      'Reporting Area.Revenue by Regionview · owner bi_developer · everyone (PUBLIC) can read it',
      'sales.v_summaryview · owner etl · 9 can read it · security_invoker',
    ]);
    expect(within(screen.getByRole('list', { name: 'Built from' })).queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByText(/^This table: 7 can read it/).textContent).toContain(VIEW_ACCESS_NOTE);
  });
});
