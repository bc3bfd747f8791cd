import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { notifications } from '@mantine/notifications';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { ApplyResult, PlanView, StatementResult } from '../../api/changes';
import { renderUI } from '../../test/render';
import { resetCatalogStores } from '../catalog/store';
import { sessionOf, summaryOf } from '../editors/fixtures.test-util';
import { failedStatementIndex, PendingTray, serverDetail } from './PendingTray';
import { pending } from './store';

const changes = vi.hoisted(() => ({ preview: vi.fn(), apply: vi.fn(), cancel: vi.fn(), discard: vi.fn(), saveScript: vi.fn(), audit: vi.fn() }));
const catalog = vi.hoisted(() => ({ load: vi.fn() }));

vi.mock('../../api/changes', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../api/changes')>()), changesApi: changes }));
vi.mock('../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...catalog } };
});

const SECRET = 'Sup3rSecret!';
const session = sessionOf('postgres');

function plan(over: Partial<PlanView> = {}): PlanView {
  return {
    id: 'plan-1',
    transactional: true,
    destructive: true,
    readOnly: false,
    script: 'BEGIN;\nCREATE ROLE "alice" LOGIN PASSWORD <password redacted>;\nCOMMIT;\n',
    warnings: [],
    statements: [
      { sql: `CREATE ROLE "alice" LOGIN PASSWORD <password redacted>`, summary: 'Create user alice', outsideTransaction: false, destructive: false, changeIndex: 0 },
      { sql: 'DROP ROLE "bob"', summary: 'Drop user bob', outsideTransaction: false, destructive: true, changeIndex: 1 },
    ],
    ...over,
  };
}

const ok: StatementResult = { outcome: 'ok', notices: [] };

function result(over: Partial<ApplyResult> = {}): ApplyResult {
  return {
    applied: true,
    cancelled: false,
    executed: 2,
    outcome: 'applied',
    commitReplyLost: false,
    statements: [ok, ok],
    noEffect: 0,
    reloadError: '',
    auditError: '',
    catalog: summaryOf('postgres'),
    ...over,
  };
}

function queue() {
  pending.add(session.id, [
    { kind: 'create_user', user: { name: 'alice', password: SECRET } },
    { kind: 'drop_user', user: { name: 'bob' } },
  ]);
}

function mount(s = session) {
  const onClose = vi.fn();
  renderUI(<PendingTray session={s} opened onClose={onClose} />);
  return onClose;
}

beforeEach(() => {
  // Toasts of earlier tests would fill the queue and hide later ones.
  notifications.clean();
  pending.reset();
  resetCatalogStores();
  vi.clearAllMocks();
  catalog.load.mockResolvedValue(summaryOf('postgres'));
  changes.discard.mockResolvedValue(undefined);
});

describe('PendingTray', () => {
  it('lists the changes in words, destructive ones in red, and never the password', () => {
    queue();
    mount();
    const list = screen.getByRole('list', { name: 'Pending change list' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Create user alice (password: set)');
    expect(items[0]).not.toHaveAttribute('data-destructive');
    expect(items[1]).toHaveAttribute('data-destructive');
    expect(items[1]).toHaveTextContent('can no longer sign in');
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('reorders and removes', async () => {
    queue();
    mount();
    await userEvent.click(screen.getAllByRole('button', { name: 'Move down' })[0]);
    expect(pending.items(session.id).map((i) => i.change.kind)).toEqual(['drop_user', 'create_user']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove change 1' }));
    expect(pending.items(session.id).map((i) => i.change.kind)).toEqual(['create_user']);
  });

  it('previews: sends the typed changes, keeps the queued password off the page, and shows highlighted SQL', async () => {
    queue();
    changes.preview.mockResolvedValue(plan({ transactional: false }));
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    const stmts = await screen.findByRole('list', { name: 'SQL statements' });
    expect(changes.preview).toHaveBeenCalledWith(session.id, [
      { kind: 'create_user', user: { name: 'alice', password: SECRET } },
      { kind: 'drop_user', user: { name: 'bob' } },
    ]);
    // The typed password stays queued (in memory) until applied or discarded.
    expect(pending.items(session.id)[0].change.user?.password).toBe(SECRET);
    expect(within(stmts).getAllByTestId('sql-code')[0]).toHaveTextContent(`CREATE ROLE "alice" LOGIN PASSWORD <password redacted>`);
    expect(within(stmts).getAllByText('CREATE')[0].tagName).toBe('SPAN');
    expect(screen.getByText('Destructive changes')).toBeInTheDocument();
    expect(screen.getByText('Not all in one transaction')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply 2 statements' })).toBeEnabled();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('applies: clears the set, shows each statement checked, reloads the catalog', async () => {
    queue();
    changes.preview.mockResolvedValue(plan());
    changes.apply.mockResolvedValue(result());
    const onClose = mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Apply 2 statements' }));
    expect(await screen.findByText('Apply result')).toBeInTheDocument();
    expect(changes.apply).toHaveBeenCalledWith('plan-1');
    expect(pending.items(session.id)).toEqual([]);
    expect(catalog.load).toHaveBeenCalledWith(session.id, false);
    const stmts = screen.getByRole('list', { name: 'SQL statements' });
    expect(within(stmts).getAllByText('applied')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalled();
    // An applied plan is not discarded again (the backend already dropped it).
    expect(changes.discard).not.toHaveBeenCalled();
  });

  it('marks a statement that ran but changed nothing, with the server warning', async () => {
    queue();
    changes.preview.mockResolvedValue(plan());
    changes.apply.mockResolvedValue(
      result({
        noEffect: 1,
        statements: [
          ok,
          { outcome: 'no_effect', notices: ['WARNING 01007: no privileges were granted for "orders"'], detail: 'expected after the apply, not seen in the catalog: role "bob" gone' },
        ],
      }),
    );
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Apply 2 statements' }));
    expect((await screen.findByText('1 statement had no effect')).closest('[role="alert"]')).not.toBeNull();
    const second = screen.getByRole('listitem', { name: 'Statement 2' });
    expect(within(second).getByText('no effect')).toBeInTheDocument();
    expect(second).toHaveTextContent('WARNING 01007: no privileges were granted for "orders"');
    expect(second).toHaveTextContent('Expected after the apply, not seen in the catalog: role "bob" gone');
    expect(within(screen.getByRole('listitem', { name: 'Statement 1' })).getByText('applied')).toBeInTheDocument();
  });

  it('says "applied; reload failed" and still clears what was applied', async () => {
    queue();
    changes.preview.mockResolvedValue(plan());
    changes.apply.mockResolvedValue(
      result({ reloadError: 'connection refused', statements: [{ outcome: 'unverified', notices: [], detail: 'applied; the catalog could not be read again to check it' }, { outcome: 'unverified', notices: [] }] }),
    );
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Apply 2 statements' }));
    expect((await screen.findByText('Applied; reload failed', { selector: '.mantine-Alert-title *, .mantine-Alert-title' })).closest('[role="alert"]')).toHaveTextContent(
      'connection refused',
    );
    expect(pending.items(session.id)).toEqual([]);
    expect(screen.getAllByText('applied, not checked')).toHaveLength(2);
  });

  it('shows an unknown outcome as such and keeps the changes', async () => {
    queue();
    changes.preview.mockResolvedValue(plan());
    changes.apply.mockRejectedValue(
      new ApiError('commit_outcome_unknown', 'the connection was lost while committing: the changes may or may not be applied', '', 'Refresh the catalog and compare it with the preview before applying again.'),
    );
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Apply 2 statements' }));
    const alert = (await screen.findByText('Outcome unknown')).closest('[role="alert"]');
    expect(alert).toHaveTextContent('may or may not be applied');
    expect(alert).not.toHaveTextContent('nothing changed');
    expect(pending.items(session.id)).toHaveLength(2);
  });

  it('cancels a running apply through the backend', async () => {
    queue();
    changes.preview.mockResolvedValue(plan());
    let reject: (e: unknown) => void = () => {};
    changes.apply.mockReturnValue(new Promise((_, r) => (reject = r)));
    changes.cancel.mockImplementation(async () => reject(new ApiError('apply_cancelled', 'the apply was cancelled during statement 2 of 2', '', 'Nothing was committed.')));
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Apply 2 statements' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel apply' }));
    expect(changes.cancel).toHaveBeenCalledWith('plan-1');
    expect(await screen.findByText('The apply was cancelled during statement 2 of 2')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel apply' })).toBeNull();
    expect(pending.items(session.id)).toHaveLength(2);
  });

  it('shows the rights warnings of a non-superuser preview before apply', async () => {
    queue();
    changes.preview.mockResolvedValue(plan({ warnings: ['change 1 (create user): you are not a superuser and have no CREATEROLE'] }));
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    const note = (await screen.findByText('You may lack the rights for some changes')).closest('[role="note"]');
    expect(note).toHaveTextContent('change 1 (create user): you are not a superuser and have no CREATEROLE');
  });

  it('keeps the set when the confirmation is declined', async () => {
    queue();
    changes.preview.mockResolvedValue(plan());
    changes.apply.mockResolvedValue(result({ applied: false, cancelled: true, executed: 0, outcome: 'not_applied', statements: [] }));
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Apply 2 statements' }));
    expect(await screen.findByText('Nothing was applied')).toBeInTheDocument();
    expect(pending.items(session.id)).toHaveLength(2);
  });

  it('names the failing statement with the server message and hint, and keeps the set', async () => {
    queue();
    changes.preview.mockResolvedValue(plan());
    changes.apply.mockRejectedValue({
      code: 'apply_failed_2BP01',
      message: 'statement 2 of 2 failed: role "bob" cannot be dropped because some objects depend on it',
      detail: 'DROP ROLE "bob"\nowner of table sales.orders',
      hint: 'Nothing was changed: the whole transaction was rolled back.',
    });
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Apply 2 statements' }));
    const failed = await screen.findByRole('listitem', { name: 'Statement 2' });
    expect(failed).toHaveAttribute('data-failed');
    expect(failed).toHaveTextContent('cannot be dropped because some objects depend on it');
    expect(failed).toHaveTextContent('owner of table sales.orders');
    expect(failed).toHaveTextContent('Nothing was changed');
    expect(screen.getByRole('listitem', { name: 'Statement 1' })).not.toHaveAttribute('data-failed');
    expect(screen.getByRole('button', { name: 'Apply 2 statements' })).toBeDisabled();
    expect(pending.items(session.id)).toHaveLength(2);
    // Back to the list and review again: the typed password is still queued.
    await userEvent.click(screen.getByRole('button', { name: 'Back to changes' }));
    expect(changes.discard).toHaveBeenCalledWith('plan-1');
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    expect(changes.preview).toHaveBeenLastCalledWith(session.id, [
      { kind: 'create_user', user: { name: 'alice', password: SECRET } },
      { kind: 'drop_user', user: { name: 'bob' } },
    ]);
  });

  it('shows a refused preview (e.g. a role cycle) and stays on the list', async () => {
    pending.add(session.id, { kind: 'grant_role', member: { role: 'a', member: { kind: 'role', name: 'b' } } });
    changes.preview.mockRejectedValue(new ApiError('invalid_input', 'change 1 (grant role): granting "a" to "b" would make a cycle: a already belongs to b'));
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    expect((await screen.findByText(/would make a cycle/)).closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByRole('list', { name: 'Pending change list' })).toBeInTheDocument();
  });

  it('disables apply on a read-only connection and says why', async () => {
    queue();
    changes.preview.mockResolvedValue(plan({ readOnly: true }));
    mount(sessionOf('postgres', { readOnly: true }));
    expect(screen.getByText('Read-only connection')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    expect(await screen.findByRole('button', { name: 'Apply 2 statements' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeEnabled();
  });

  it('disables apply on an emulated Redshift with the backend\'s reason, and still copies and saves', async () => {
    const why = 'This is PostgreSQL dressed as Redshift: the statements are Redshift SQL and would not run here. Copy or save them to run on a cluster.';
    const emulated = sessionOf('redshift', { server: { ...sessionOf('redshift').server, emulated: true } });
    catalog.load.mockResolvedValue(summaryOf('redshift'));
    pending.add(emulated.id, [
      { kind: 'create_group', group: { name: 'grp_probe' } },
      { kind: 'grant_role', member: { role: 'analyst', member: { kind: 'user', name: 'anna' } } },
    ]);
    changes.preview.mockResolvedValue(plan({ applyRefusal: why }));
    mount(emulated);
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    const apply = await screen.findByRole('button', { name: 'Apply 2 statements' });
    expect(apply).toBeDisabled();
    expect(within(screen.getByRole('note', { name: 'Preview only: emulated Redshift' })).getByText(why)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Save .sql' })).toBeEnabled();
    await userEvent.click(apply, { pointerEventsCheck: 0 });
    expect(changes.apply).not.toHaveBeenCalled();
  });

  it('discards the plan and the set', async () => {
    queue();
    changes.preview.mockResolvedValue(plan());
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    await screen.findByRole('list', { name: 'SQL statements' });
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Discard all' }));
    expect(changes.discard).toHaveBeenCalledWith('plan-1');
    expect(pending.items(session.id)).toEqual([]);
  });

  it('saves the script through the backend', async () => {
    queue();
    changes.preview.mockResolvedValue(plan());
    changes.saveScript.mockResolvedValue('/tmp/changes.sql');
    mount();
    await userEvent.click(screen.getByRole('button', { name: 'Review SQL' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Save .sql' }));
    expect(changes.saveScript).toHaveBeenCalledWith('plan-1');
    expect(await screen.findByText('/tmp/changes.sql')).toBeInTheDocument();
  });
});

describe('failure parsing', () => {
  it('finds the failing statement and the server detail', () => {
    expect(failedStatementIndex('statement 3 of 5 failed: boom')).toBe(2);
    expect(failedStatementIndex('the server refused to commit')).toBe(-1);
    expect(serverDetail('DROP ROLE "x"\nowner of table a', 'DROP ROLE "x"')).toBe('owner of table a');
    expect(serverDetail('DROP ROLE "x"', 'DROP ROLE "x"')).toBe('');
  });
});


