import { ActionIcon, Menu } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderUI } from '../test/render';
import { LazyMenu } from './LazyMenu';

function Actions({ onRename }: { onRename: () => void }) {
  return (
    <LazyMenu target={<ActionIcon aria-label="Actions">…</ActionIcon>}>
      <Menu.Item onClick={onRename}>Rename</Menu.Item>
      <Menu.Item>Delete</Menu.Item>
    </LazyMenu>
  );
}

describe('LazyMenu', () => {
  it('renders only its button until it is first used', () => {
    renderUI(<Actions onRename={() => {}} />);
    const button = screen.getByRole('button', { name: 'Actions' });
    // A built Mantine Menu marks its target as opening a menu.
    expect(button).not.toHaveAttribute('aria-haspopup');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('opens on the first click, and its items act', async () => {
    const onRename = vi.fn();
    renderUI(<Actions onRename={onRename} />);
    await userEvent.click(screen.getByRole('button', { name: 'Actions' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rename' }));
    expect(onRename).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    // Built now: later clicks open the same Mantine Menu.
    await userEvent.click(screen.getByRole('button', { name: 'Actions' }));
    expect(await screen.findByRole('menuitem', { name: 'Delete' })).toBeInTheDocument();
  });

  it('opens from the keyboard and gives focus back to its button on Escape', async () => {
    renderUI(<Actions onRename={() => {}} />);
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Actions' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('menu')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Actions' })).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Actions' })).toHaveFocus());
  });
});
