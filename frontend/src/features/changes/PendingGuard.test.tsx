import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderUI } from '../../test/render';
import { confirmDropPending, PendingGuardHost } from './PendingGuard';
import { pending } from './store';

beforeEach(() => pending.reset());

describe('confirmDropPending', () => {
  it('lets a disconnect through at once when nothing is queued', async () => {
    renderUI(<PendingGuardHost />);
    await expect(confirmDropPending('s', { kind: 'disconnect' })).resolves.toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks before a database switch drops queued changes; Keep says no', async () => {
    pending.add('s', [{ kind: 'create_role', role: { name: 'a' } }, { kind: 'create_role', role: { name: 'b' } }]);
    renderUI(<PendingGuardHost />);
    const answer = confirmDropPending('s', { kind: 'switch', database: 'sales' });
    expect(await screen.findByText('Switch to sales and discard 2 pending changes?')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Keep changes' }));
    await expect(answer).resolves.toBe(false);
    expect(pending.items('s')).toHaveLength(2);
  });

  it('goes ahead when the user agrees to discard', async () => {
    pending.add('s', { kind: 'create_user', user: { name: 'u', password: 'Secret123' } });
    renderUI(<PendingGuardHost />);
    const answer = confirmDropPending('s', { kind: 'disconnect' });
    await userEvent.click(await screen.findByRole('button', { name: 'Discard and disconnect' }));
    await expect(answer).resolves.toBe(true);
  });
});
