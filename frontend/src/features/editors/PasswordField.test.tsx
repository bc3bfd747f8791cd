import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderUI } from '../../test/render';
import { PasswordField } from './PasswordField';

function Harness() {
  const [v, setV] = useState('');
  return <PasswordField engine="postgres" value={v} onChange={setV} />;
}

describe('PasswordField', () => {
  it('copies a generated password to the clipboard', async () => {
    const user = userEvent.setup();
    renderUI(<Harness />);
    expect(screen.getByRole('button', { name: 'Copy the password' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Generate a password' }));
    const generated = (screen.getByTestId('password-input') as HTMLInputElement).value;
    expect(generated.length).toBeGreaterThanOrEqual(8);
    await user.click(screen.getByRole('button', { name: 'Copy the password' }));
    expect(await navigator.clipboard.readText()).toBe(generated);
  });
});
