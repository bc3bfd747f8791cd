import { ActionIcon } from '@mantine/core';
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderUI } from '../test/render';
import { Tip } from './Tip';

function button() {
  return renderUI(
    <Tip label="Add a connection (Ctrl+N)" openDelay={0}>
      <ActionIcon aria-label="Add">+</ActionIcon>
    </Tip>,
  );
}

describe('Tip', () => {
  it('mounts no tooltip (and no portal) until its element is hovered or focused', () => {
    button();
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(document.querySelectorAll('[data-portal]').length).toBe(0);
  });

  it('shows its label on hover, described by it, and hides it when the pointer leaves', async () => {
    const user = userEvent.setup({ delay: null });
    button();
    const b = screen.getByRole('button', { name: 'Add' });
    await user.hover(b);
    const tip = await screen.findByRole('tooltip');
    expect(tip).toHaveTextContent('Add a connection (Ctrl+N)');
    expect(document.getElementById(b.getAttribute('aria-describedby') ?? '')).toHaveTextContent('Add a connection (Ctrl+N)');
    expect(tip).toContainElement(document.getElementById(b.getAttribute('aria-describedby') ?? ''));
    await user.unhover(b);
    expect(b).not.toHaveAttribute('aria-describedby');
    await act(async () => {});
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('shows on keyboard focus and hides on Escape', async () => {
    const user = userEvent.setup({ delay: null });
    button();
    await user.tab();
    const b = screen.getByRole('button', { name: 'Add' });
    expect(b).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Add a connection (Ctrl+N)');
    fireEvent.keyDown(b, { key: 'Escape' });
    await act(async () => {});
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('keeps the element’s own handlers', async () => {
    const user = userEvent.setup({ delay: null });
    let clicks = 0;
    renderUI(
      <Tip label="Connect">
        <ActionIcon aria-label="Go" onClick={() => (clicks += 1)}>
          ▶
        </ActionIcon>
      </Tip>,
    );
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(clicks).toBe(1);
  });
});

describe('Tip with the theme’s open delay', () => {
  it('shows on hover only once the delay has passed', async () => {
    const user = userEvent.setup({ delay: null });
    renderUI(
      <Tip label="Connect" openDelay={300}>
        <ActionIcon aria-label="Go">▶</ActionIcon>
      </Tip>,
    );
    await user.hover(screen.getByRole('button', { name: 'Go' }));
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(await screen.findByRole('tooltip', {}, { timeout: 1500 })).toHaveTextContent('Connect');
  });
});
