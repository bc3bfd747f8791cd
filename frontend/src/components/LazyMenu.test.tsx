import { ActionIcon } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderUI } from '../test/render';
import { LazyMenu } from './LazyMenu';

function Actions({ onRename, onDelete = () => {} }: { onRename: () => void; onDelete?: () => void }) {
  return (
    <LazyMenu
      target={<ActionIcon aria-label="Actions">…</ActionIcon>}
      items={[
        { heading: 'Table' },
        { label: 'Rename', icon: IconPencil, shortcut: 'mod+E', onClick: onRename },
        { label: 'Sorted', checked: true, onClick: () => {} },
        { divider: true },
        { label: 'Delete', color: 'red', onClick: onDelete },
        { label: 'Archive', disabled: true, onClick: () => {} },
        { heading: 'Nothing is applied without a preview.', dimmed: true },
      ]}
    />
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
    await userEvent.click(await screen.findByRole('menuitem', { name: /^Rename/ }));
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

  it('draws each line as described: headings, icons, shortcuts, ticks, dividers, colours and disabled items', async () => {
    const onDelete = vi.fn();
    renderUI(<Actions onRename={() => {}} onDelete={onDelete} />);
    await userEvent.click(screen.getByRole('button', { name: 'Actions' }));
    const menu = await screen.findByRole('menu');
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['RenameCtrl+E', 'Sorted', 'Delete', 'Archive']);
    expect(items[0].querySelector('svg.tabler-icon-pencil')).not.toBeNull();
    expect(items[1].querySelector('svg.tabler-icon-check')).not.toBeNull();
    expect(items[2].style.getPropertyValue('--menu-item-color')).toBe('var(--mantine-color-red-6)');
    expect(items[3]).toBeDisabled();
    expect(menu.querySelectorAll('.mantine-Menu-divider')).toHaveLength(1);
    expect([...menu.querySelectorAll('.mantine-Menu-label')].map((l) => l.textContent)).toEqual(['Table', 'Nothing is applied without a preview.']);
    await userEvent.click(items[2]);
    expect(onDelete).toHaveBeenCalledTimes(1);
  });
});
