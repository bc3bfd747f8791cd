import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../../test/render';
import { juliaDetail, session, summary, user, users } from '../fixtures.test-util';
import { CatalogSession } from '../parts';
import { catalogFor, resetCatalogStores } from '../store';
import { UsersTab } from './UsersTab';

const api = vi.hoisted(() => ({
  load: vi.fn(),
  users: vi.fn(),
  principal: vi.fn(),
  schemas: vi.fn(),
}));

vi.mock('../../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

// jsdom lays nothing out: give the virtual list's scroller a height so rows render.
const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 });
});
afterAll(() => {
  if (height) Object.defineProperty(HTMLElement.prototype, 'clientHeight', height);
});

async function mount(rows = users) {
  resetCatalogStores();
  api.load.mockResolvedValue(summary());
  api.users.mockResolvedValue(rows);
  api.principal.mockResolvedValue(juliaDetail);
  api.schemas.mockResolvedValue([]);
  await act(() => catalogFor(session.id).load(false));
  renderUI(
    <CatalogSession session={session}>
      <div style={{ height: 600 }}>
        <UsersTab session={session} />
      </div>
    </CatalogSession>,
  );
  return screen.findByRole('listbox', { name: 'Users' });
}

describe('UsersTab', () => {
  beforeEach(() => vi.clearAllMocks());

  it('lists users with counts and badges', async () => {
    const list = await mount();
    expect(within(list).getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual(['contractor.jlee', 'julia.rossi', 'priya.raman']);
    expect(screen.getByLabelText('Users count')).toHaveTextContent('3 users');
    expect(within(list).getByRole('option', { name: 'priya.raman' })).toHaveTextContent('superuser');
    expect(within(list).getByRole('option', { name: 'contractor.jlee' })).toHaveTextContent('password expired');
    expect(api.users).toHaveBeenCalledWith('s1');
  });

  it('filters by search and says how many match, with an explaining empty state', async () => {
    const list = await mount();
    await userEvent.type(screen.getByLabelText('Search users'), 'JULIA');
    await waitFor(() => expect(screen.getByLabelText('Users count')).toHaveTextContent('1 of 3 users'));
    expect(within(list).getAllByRole('option')).toHaveLength(1);
    await userEvent.clear(screen.getByLabelText('Search users'));
    await userEvent.type(screen.getByLabelText('Search users'), 'nobody');
    expect(await screen.findByText('No users match')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(screen.getByLabelText('Users count')).toHaveTextContent('3 users'));
  });

  it('sorts by a column header', async () => {
    const list = await mount();
    await userEvent.click(screen.getByRole('button', { name: 'Sort by Name' }));
    expect(within(list).getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual(['priya.raman', 'julia.rossi', 'contractor.jlee']);
    await userEvent.click(screen.getByRole('button', { name: 'Sort by Grants' }));
    expect(within(list).getAllByRole('option')[0]).toHaveAttribute('aria-label', 'julia.rossi');
  });

  it('renders only the visible part of 20,000 users', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => user(`user${String(i).padStart(5, '0')}`));
    const list = await mount(many);
    expect(screen.getByLabelText('Users count')).toHaveTextContent('20,000 users');
    const rendered = within(list).getAllByRole('option').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
  });

  it('moves with the keyboard and opens the detail with Enter', async () => {
    const list = await mount();
    fireEvent.keyDown(screen.getByLabelText('Search users'), { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list).toHaveAttribute('aria-activedescendant', 'Users-row-1');
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'julia.rossi' })).toBeInTheDocument();
    expect(api.principal).toHaveBeenCalledWith('s1', { kind: 'user', name: 'julia.rossi' });
    expect(within(list).getByRole('option', { name: 'julia.rossi' })).toHaveAttribute('aria-selected', 'true');
  });

  it('drops the selection when the selected user is gone from a reloaded list', async () => {
    await mount();
    act(() => catalogFor(session.id).setUI('users.selected', { kind: 'user', name: 'julia.rossi' }));
    expect(await screen.findByRole('heading', { name: 'julia.rossi' })).toBeInTheDocument();
    // julia.rossi was dropped: the next load of the list no longer has her.
    api.users.mockResolvedValue(users.filter((u) => u.name !== 'julia.rossi'));
    api.load.mockResolvedValue(summary());
    await act(() => catalogFor(session.id).load(true));
    await waitFor(() => expect(screen.getByLabelText('Users count')).toHaveTextContent('2 users'));
    expect(screen.queryByRole('heading', { name: 'julia.rossi' })).toBeNull();
    expect(screen.queryByText(/does not exist/)).toBeNull();
  });
});
