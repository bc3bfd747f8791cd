import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../../test/render';
import { capabilitiesOf, juliaDetail, session, summary } from '../fixtures.test-util';
import { CatalogSession } from '../parts';
import { catalogFor, resetCatalogStores } from '../store';
import { OverviewPanel } from './OverviewPanel';

const api = vi.hoisted(() => ({ load: vi.fn() }));
vi.mock('../../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

async function mount(engine: 'redshift' | 'postgres', lastDdl?: string) {
  resetCatalogStores();
  api.load.mockResolvedValue(summary({ engine, capabilities: capabilitiesOf(engine) }));
  await act(() => catalogFor(session.id).load(false));
  renderUI(
    <CatalogSession session={session}>
      <OverviewPanel session={session} detail={{ ...juliaDetail, user: { ...juliaDetail.user!, lastDdl } }} />
    </CatalogSession>,
  );
}

describe('last DDL time (svv_user_info.last_ddl_timestamp)', () => {
  it('Redshift: shows when the user last ran DDL, in UTC', async () => {
    await mount('redshift', '2026-11-28T16:42:05Z');
    const fact = screen.getByText('Last DDL').closest('div')!.parentElement!;
    expect(within(fact).getByText('28 Nov 2026, 16:42 UTC')).toBeInTheDocument();
  });

  it('Redshift: says none was recorded when the view has no time', async () => {
    await mount('redshift');
    expect(screen.getByText('none recorded')).toBeInTheDocument();
  });

  it('PostgreSQL has no such column: the fact is not shown', async () => {
    await mount('postgres');
    expect(screen.queryByText('Last DDL')).toBeNull();
  });
});
