import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';
import { capabilitiesOf, session, summary } from './fixtures.test-util';
import { OverviewCounts } from './OverviewCounts';
import { catalogFor, resetCatalogStores } from './store';

const api = vi.hoisted(() => ({ load: vi.fn() }));

vi.mock('../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

async function mount(engine: 'redshift' | 'postgres') {
  resetCatalogStores();
  api.load.mockResolvedValue(summary({ engine, capabilities: capabilitiesOf(engine), counts: { ...summary().counts, groups: engine === 'redshift' ? 4 : 0 } }));
  await act(() => catalogFor(session.id).load(false));
  renderUI(<OverviewCounts session={session} />);
  await screen.findByText('users');
}

describe('OverviewCounts', () => {
  beforeEach(() => vi.clearAllMocks());

  it('on PostgreSQL explains that there is no Groups tab and to use roles', async () => {
    await mount('postgres');
    const note = screen.getByRole('note', { name: 'No groups on this engine' });
    expect(note).toHaveTextContent('No Groups tab: PostgreSQL has no groups — use roles (its CREATE GROUP makes a role). Groups exist on Redshift.');
    expect(screen.queryByText('groups')).not.toBeInTheDocument();
  });

  it('on Redshift counts the groups and says nothing about their absence', async () => {
    await mount('redshift');
    expect(screen.getByRole('button', { name: '4 groups: open' })).toBeInTheDocument();
    expect(screen.queryByRole('note', { name: 'No groups on this engine' })).not.toBeInTheDocument();
  });
});
