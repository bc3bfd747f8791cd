import { notifications } from '@mantine/notifications';
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { notifySuccess } from '../components/notify';
import { renderUI } from '../test/render';

// Toasts: the theme names the icon-only close button, so screen readers and
// the real-dialogs layer (scripts/a11y.py finds widgets by accessible name)
// can dismiss one, and wraps long words such as the path an export went to.
describe('theme: toasts', () => {
  it('names the close button of a toast "Dismiss notification"', async () => {
    renderUI(<div />);
    act(() => notifySuccess('Exported', '/tmp/grants.sql'));
    expect(await screen.findByRole('button', { name: 'Dismiss notification' })).toBeTruthy();
    act(() => notifications.clean());
  });

  it('wraps a long path in a success toast instead of cutting it off', async () => {
    const path = '/home/someone/Documents/access-reviews/2026/database-analytics-access-review.html';
    renderUI(<div />);
    act(() => notifySuccess('Exported', path));
    const description = await screen.findByText(path);
    expect(description.style.overflowWrap).toBe('anywhere');
    act(() => notifications.clean());
  });
});
