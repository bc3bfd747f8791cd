import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';
import { sessionOf, summaryOf } from '../editors/fixtures.test-util';
import { OverviewCounts } from './OverviewCounts';
import { catalogFor, resetCatalogStores } from './store';

const api = vi.hoisted(() => ({ load: vi.fn() }));
vi.mock('../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

async function mount(engine: 'redshift' | 'postgres') {
  const session = sessionOf(engine);
  api.load.mockResolvedValue(summaryOf(engine));
  await act(() => catalogFor(session.id).load(false));
  renderUI(<OverviewCounts session={session} />);
  await screen.findByText('users', { exact: true });
}

describe('OverviewCounts', () => {
  beforeEach(() => resetCatalogStores());

  it('explains on PostgreSQL why there is no Groups tab, and where Redshift groups can be tried', async () => {
    await mount('postgres');
    expect(screen.getByTestId('no-groups-note')).toHaveTextContent('No Groups tab: PostgreSQL has no groups — use roles (its CREATE GROUP makes a role).');
    expect(screen.getByTestId('no-groups-note')).toHaveTextContent('open the Local sandbox as Redshift (emulated)');
  });

  it('counts groups on Redshift and has no such note', async () => {
    await mount('redshift');
    expect(screen.getByText('groups')).toBeInTheDocument();
    expect(screen.queryByTestId('no-groups-note')).not.toBeInTheDocument();
  });
});
