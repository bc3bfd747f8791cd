import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../../test/render';
import { pending } from '../../changes/store';
import { juliaDetail, session, summary } from '../fixtures.test-util';
import { CatalogSession } from '../parts';
import { catalogFor, resetCatalogStores } from '../store';
import { AssumeRolePanel } from './AssumeRolePanel';

const api = vi.hoisted(() => ({ load: vi.fn(), assumeRoles: vi.fn() }));
vi.mock('../../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, load: api.load }, surfaceApi: { ...orig.surfaceApi, assumeRoles: api.assumeRoles } };
});

const arn = 'arn:aws:iam::123456789012:role/S3';
const vocabulary = { commands: [{ name: 'COPY', help: '' }, { name: 'UNLOAD', help: '' }], maxChain: 10, grantees: [] };

async function mount(view: object) {
  resetCatalogStores();
  pending.clear(session.id);
  api.load.mockResolvedValue(summary({ engine: 'redshift' }));
  api.assumeRoles.mockResolvedValue(view);
  await act(() => catalogFor(session.id).load(false));
  renderUI(
    <CatalogSession session={session}>
      <AssumeRolePanel session={session} detail={juliaDetail} />
    </CatalogSession>,
  );
}

describe('the IAM roles tab', () => {
  beforeEach(() => vi.clearAllMocks());

  it('lists own and inherited ASSUMEROLE grants; only its own can be revoked here, all commands of the line at once', async () => {
    await mount({
      superuser: false,
      vocabulary,
      rows: [
        { iamRole: arn, command: 'COPY', grantee: juliaDetail.ref, via: [] },
        { iamRole: arn, command: 'UNLOAD', grantee: juliaDetail.ref, via: [] },
        { iamRole: 'default', command: 'COPY', grantee: { kind: 'group', name: 'etl' }, via: [{ kind: 'group', name: 'etl' }] },
      ],
    });
    const table = await screen.findByRole('table', { name: 'ASSUMEROLE grants' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + 2 lines
    expect(within(rows[2]).getByText('default (cluster default IAM role)')).toBeInTheDocument();
    expect(within(rows[2]).queryByRole('button', { name: /Revoke/ })).toBeNull();
    fireEvent.click(within(rows[1]).getByRole('button', { name: `Revoke ${arn}` }));
    expect(pending.changes(session.id)).toEqual([
      { kind: 'revoke_assumerole', assumeRole: { iamRoles: [arn], commands: ['COPY', 'UNLOAD'], grantee: juliaDetail.ref } },
    ]);
  });

  it('says a superuser always holds ASSUMEROLE, and what an empty list means', async () => {
    await mount({ superuser: true, vocabulary, rows: [] });
    expect(await screen.findByText(/superusers always hold ASSUMEROLE/)).toBeInTheDocument();
    expect(screen.getByText(/No ASSUMEROLE grant applies to/)).toBeInTheDocument();
  });
});
