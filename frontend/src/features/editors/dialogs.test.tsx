import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrincipalDetail } from '../../api';
import type { Change } from '../../api/changes';
import { renderUI } from '../../test/render';
import { catalogFor, resetCatalogStores } from '../catalog/store';
import { pending } from '../changes/store';
import { emptyDetail } from './data';
import { DefaultPrivilegesDialog, SystemPermissionsDialog } from './DefaultsSystemDialogs';
import { roleAttrs, userAttrs } from '../catalog/fixtures.test-util';
import { envOf, roleRow, summaryOf, userRow } from './fixtures.test-util';
import { MembershipDialog } from './MembershipDialog';
import { DropDialog, GroupDialog, RoleDialog } from './RoleGroupDialogs';
import { UserDialog } from './UserDialog';

const api = vi.hoisted(() => ({ load: vi.fn(), users: vi.fn(), roles: vi.fn(), groups: vi.fn(), principal: vi.fn(), schemas: vi.fn() }));
vi.mock('../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});
const plans = vi.hoisted(() => ({ render: vi.fn(), preview: vi.fn(), discard: vi.fn() }));
vi.mock('../../api/changes', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api/changes')>();
  return { ...orig, changesApi: { ...orig.changesApi, ...plans } };
});

/** A preview answer: one statement per summary, the last one the drop. */
function planOf(...summaries: string[]) {
  return {
    id: 'plan-1',
    statements: summaries.map((summary, i) => ({ sql: `-- ${i}`, summary, outsideTransaction: false, destructive: true, changeIndex: 0 })),
    transactional: true,
    destructive: true,
    readOnly: false,
    script: '',
    warnings: [],
  };
}

function detail(over: Partial<PrincipalDetail>): PrincipalDetail {
  return { ...emptyDetail({ kind: 'user', name: 'x' }), ...over };
}

async function load(engine: 'redshift' | 'postgres') {
  resetCatalogStores();
  api.load.mockResolvedValue(summaryOf(engine));
  await act(() => catalogFor(`s-${engine}`).load(false));
}

const queued = (sid: string) => pending.items(sid).map((i) => i.change);

beforeEach(() => {
  pending.reset();
  vi.clearAllMocks();
  api.users.mockResolvedValue([userRow('alice'), userRow('bob')]);
  api.roles.mockResolvedValue([roleRow('reader'), roleRow('writer'), roleRow('sys:dba', { system: true })]);
  api.groups.mockResolvedValue([{ name: 'etl', members: 0, grants: 0 }]);
  api.schemas.mockResolvedValue([]);
});

describe('UserDialog', () => {
  it('creates a Redshift user with a checked password and explains CREATEUSER', async () => {
    await load('redshift');
    const onClose = vi.fn();
    renderUI(<UserDialog env={envOf('redshift')} onClose={onClose} />);
    expect(screen.getByText(/CREATEUSER keyword makes a superuser/)).toBeInTheDocument();
    expect(screen.getByLabelText('Session timeout (seconds)')).toBeInTheDocument();
    expect(screen.queryByText('May create roles (CREATEROLE)')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('User name'), 'carol');
    const pw = screen.getByTestId('password-input');
    await userEvent.type(pw, 'abc@1');
    const rules = screen.getByRole('list', { name: 'Password rules' });
    expect(within(rules).getByText('8 to 64 characters').closest('[data-ok]')).toHaveAttribute('data-ok', 'false');
    expect(within(rules).getByText(`none of ' " \\ / @`).closest('[data-ok]')).toHaveAttribute('data-ok', 'false');
    await userEvent.click(screen.getByRole('button', { name: 'Add to pending changes' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(queued('s-redshift')).toEqual([]);
    await userEvent.clear(pw);
    await userEvent.type(pw, 'Abcdefg123');
    expect(within(rules).getByText('an upper-case letter (A–Z)').closest('[data-ok]')).toHaveAttribute('data-ok', 'true');
    await userEvent.click(screen.getByRole('switch', { name: /^Superuser \(CREATEUSER\)/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Add to pending changes' }));
    expect(onClose).toHaveBeenCalled();
    expect(queued('s-redshift')).toEqual([{ kind: 'create_user', user: { name: 'carol', password: 'Abcdefg123', superuser: true } }]);
  });

  it('refuses a taken name and explains the session timeout', async () => {
    await load('redshift');
    renderUI(<UserDialog env={envOf('redshift')} onClose={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('User name'), 'alice');
    expect(await screen.findByText('alice already exists.')).toBeInTheDocument();
    // A role's name is taken too: Redshift user and role names must differ.
    await userEvent.clear(screen.getByLabelText('User name'));
    await userEvent.type(screen.getByLabelText('User name'), 'reader');
    expect(await screen.findByText('reader already exists.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Cluster default idle timeout' }));
    await userEvent.type(screen.getByLabelText('Session timeout (seconds)'), '5400');
    expect(screen.getByText('= 1 h 30 min (60 s to 20 days)')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add to pending changes' }));
    expect(queued('s-redshift')).toEqual([]);
  });

  it('edits only the changed fields and asks for a password when renaming on Redshift', async () => {
    await load('redshift');
    api.principal.mockResolvedValue(
      detail({ ref: { kind: 'user', name: 'alice' }, user: userAttrs('alice', { createDb: true, connectionLimit: 5 }) }),
    );
    const onClose = vi.fn();
    renderUI(<UserDialog env={envOf('redshift')} name="alice" onClose={onClose} />);
    const name = await screen.findByLabelText('Name (type a new one to rename)');
    await userEvent.click(screen.getByRole('switch', { name: 'May create databases (CREATEDB)' }));
    expect(screen.getByLabelText('Changes to queue')).toHaveTextContent('Change user alice: may not create databases');
    await userEvent.clear(name);
    await userEvent.type(name, 'alicia');
    expect(screen.getByText(/renaming clears the password/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add to pending changes' }));
    expect(queued('s-redshift')).toEqual([]);
    expect(screen.getByText('Renaming clears the password on Redshift: enter a new one, or disable password login.')).toBeInTheDocument();
    await userEvent.type(screen.getByTestId('password-input'), 'NewPass123');
    await userEvent.click(screen.getByRole('button', { name: 'Add to pending changes' }));
    expect(queued('s-redshift')).toEqual([{ kind: 'alter_user', user: { name: 'alice', renameTo: 'alicia', password: 'NewPass123', createDb: false } }]);
  });

  it('offers CREATEROLE and IN ROLE on PostgreSQL, not groups or syslog', async () => {
    await load('postgres');
    renderUI(<UserDialog env={envOf('postgres')} onClose={vi.fn()} />);
    expect(screen.getByText('May create roles (CREATEROLE)')).toBeInTheDocument();
    expect(screen.getByText('Member of roles (IN ROLE)')).toBeInTheDocument();
    expect(screen.queryByText('In groups')).not.toBeInTheDocument();
    expect(screen.queryByText(/SYSLOG ACCESS/)).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'No password' })).toBeInTheDocument();
  });
});

describe('roles, groups and drops', () => {
  it('creates a Redshift role with an external id', async () => {
    await load('redshift');
    renderUI(<RoleDialog env={envOf('redshift')} onClose={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Role name'), 'analyst');
    await userEvent.type(screen.getByLabelText('External id'), 'abc-123');
    await userEvent.click(screen.getByRole('button', { name: 'Add to pending changes' }));
    expect(queued('s-redshift')).toEqual([{ kind: 'create_role', role: { name: 'analyst', externalId: 'abc-123' } }]);
  });

  it('edits group members as a difference', async () => {
    await load('redshift');
    api.principal.mockResolvedValue(
      detail({ ref: { kind: 'group', name: 'etl' }, group: { id: 1, name: 'etl' }, members: [{ member: { kind: 'user', name: 'alice' }, of: { kind: 'group', name: 'etl' }, adminOption: false }] }),
    );
    renderUI(<GroupDialog env={envOf('redshift')} name="etl" onClose={vi.fn()} />);
    await screen.findByText('alice');
    const input = screen.getAllByLabelText('Users').find((e) => e.tagName === 'INPUT' && (e as HTMLInputElement).type !== 'hidden')!;
    await userEvent.click(input);
    await userEvent.click(await screen.findByRole('option', { name: 'bob' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add to pending changes' }));
    expect(queued('s-redshift')).toEqual([{ kind: 'alter_group', group: { name: 'etl', addUsers: ['bob'] } }]);
  });

  it('lists the statements the backend queues before a drop, and queues the drop', async () => {
    await load('redshift');
    api.principal.mockResolvedValue(detail({ ref: { kind: 'role', name: 'reader' }, role: roleAttrs('reader', { owner: 'admin' }), members: [{ member: { kind: 'user', name: 'bob' }, of: { kind: 'role', name: 'reader' }, adminOption: false }] }));
    plans.render.mockResolvedValue(planOf('Revoke SELECT on table sales.orders from role reader', 'Revoke role reader from user bob', 'Drop role reader'));
    renderUI(<DropDialog env={envOf('redshift')} principal={{ kind: 'role', name: 'reader' }} onClose={vi.fn()} />);
    expect(await screen.findByText('In database analytics, 2 statements run before the drop:')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Statements before the drop' });
    expect(within(list).getByText('Revoke SELECT on table sales.orders from role reader')).toBeInTheDocument();
    expect(within(list).getByText('Revoke role reader from user bob')).toBeInTheDocument();
    expect(screen.getByText('Drop role reader.')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Force/ })).not.toBeInTheDocument();
    expect(plans.render).toHaveBeenCalledWith('s-redshift', [{ kind: 'drop_role', role: { name: 'reader' } }]);
    // Rendered only: the plan under review is neither replaced nor discarded.
    expect(plans.preview).not.toHaveBeenCalled();
    expect(plans.discard).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Queue drop role' }));
    expect(queued('s-redshift')).toEqual([{ kind: 'drop_role', role: { name: 'reader' } }]);
  });

  it('renders the drop after the pending changes and lists only its own statements', async () => {
    await load('postgres');
    const revoke: Change = { kind: 'revoke_privileges', privilege: { privileges: ['SELECT'], target: 'all_in_schema', kind: 'table', schemas: ['sales'], grantee: { kind: 'role', name: 'reader' } } };
    pending.add('s-postgres', [revoke]);
    api.principal.mockResolvedValue(detail({ ref: { kind: 'role', name: 'reader' }, role: roleAttrs('reader', { owner: 'admin' }) }));
    const plan = planOf('Revoke SELECT on all tables in sales from role reader', 'Revoke USAGE on schema sales from role reader', 'Drop role reader');
    plan.statements[1].changeIndex = 1;
    plan.statements[2].changeIndex = 1;
    (plan as { warnings: string[] }).warnings = ['change 1 (revoke privileges): not mine', 'change 2 (drop role): you are not a superuser and have no CREATEROLE'];
    plans.render.mockResolvedValue(plan);
    renderUI(<DropDialog env={envOf('postgres')} principal={{ kind: 'role', name: 'reader' }} onClose={vi.fn()} />);
    expect(await screen.findByText('In database analytics, 1 statement runs before the drop:')).toBeInTheDocument();
    expect(plans.render).toHaveBeenCalledWith('s-postgres', [revoke, { kind: 'drop_role', role: { name: 'reader' } }]);
    const list = screen.getByRole('list', { name: 'Statements before the drop' });
    expect(within(list).getByText('Revoke USAGE on schema sales from role reader')).toBeInTheDocument();
    expect(within(list).queryByText('Revoke SELECT on all tables in sales from role reader')).not.toBeInTheDocument();
    expect(screen.getByText('you are not a superuser and have no CREATEROLE')).toBeInTheDocument();
    expect(screen.queryByText(/not mine/)).not.toBeInTheDocument();
  });

  it('asks an owner for a successor and queues the drop with it', async () => {
    await load('postgres');
    api.principal.mockResolvedValue(
      detail({ ref: { kind: 'user', name: 'alice' }, owned: [{ kind: 'schema', ref: { kind: 'schema', schema: 'mart' }, owner: 'alice', grantees: [] }] }),
    );
    plans.render.mockImplementation(async (_sid: string, changes: { user?: { successor?: string } }[]) => {
      const succ = changes[0].user?.successor;
      if (!succ) throw new Error('change 1 (drop user): user alice owns 1 object in database analytics (schema mart); choose who takes it over');
      return planOf(`Make ${succ} the owner of schema mart (owned by alice)`, 'Drop user alice');
    });
    renderUI(<DropDialog env={envOf('postgres')} principal={{ kind: 'user', name: 'alice' }} onClose={vi.fn()} />);
    expect(await screen.findByText(/choose who takes it over/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Queue drop user' })).toBeDisabled();
    const input = screen.getAllByLabelText('Successor').find((e) => e.tagName === 'INPUT' && (e as HTMLInputElement).type !== 'hidden')!;
    await userEvent.click(input);
    await userEvent.click(await screen.findByRole('option', { name: 'bob' }));
    expect(await screen.findByText('Make bob the owner of schema mart (owned by alice)')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Queue drop user' }));
    expect(queued('s-postgres')).toEqual([{ kind: 'drop_user', user: { name: 'alice', successor: 'bob' } }]);
  });

  it('refuses to drop the connected user', async () => {
    await load('postgres');
    api.principal.mockResolvedValue(detail({ ref: { kind: 'user', name: 'admin' } }));
    renderUI(<DropDialog env={envOf('postgres')} principal={{ kind: 'user', name: 'admin' }} onClose={vi.fn()} />);
    expect(screen.getByText(/a session cannot drop its own user/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Queue drop user' })).not.toBeInTheDocument();
  });
});

describe('memberships', () => {
  it('grants and revokes roles, with the admin option for users', async () => {
    await load('redshift');
    api.principal.mockResolvedValue(
      detail({ ref: { kind: 'user', name: 'alice' }, memberOf: [{ member: { kind: 'user', name: 'alice' }, of: { kind: 'role', name: 'reader' }, adminOption: false }] }),
    );
    renderUI(<MembershipDialog env={envOf('redshift')} principal={{ kind: 'user', name: 'alice' }} onClose={vi.fn()} />);
    await screen.findByText('reader');
    await userEvent.click(screen.getByRole('button', { name: 'Remove reader' }));
    const pick = screen.getByRole('combobox', { name: 'Grant a role…' });
    await userEvent.click(pick);
    await userEvent.click(await screen.findByRole('option', { name: 'writer' }));
    expect(screen.queryByRole('option', { name: 'sys:dba' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'with admin option' }));
    await userEvent.click(screen.getAllByRole('button', { name: 'Add' })[0]);
    await userEvent.click(screen.getByRole('button', { name: 'Add to pending changes' }));
    expect(queued('s-redshift')).toEqual([
      { kind: 'revoke_role', member: { role: 'reader', member: { kind: 'user', name: 'alice' } } },
      { kind: 'grant_role', member: { role: 'writer', member: { kind: 'user', name: 'alice' }, adminOption: true } },
    ]);
  });

  it('acts on a role that a queued change creates', async () => {
    await load('postgres');
    api.principal.mockRejectedValue({ code: 'not_found', message: 'role "fresh" does not exist' });
    pending.add('s-postgres', { kind: 'create_role', role: { name: 'fresh' } });
    renderUI(<MembershipDialog env={envOf('postgres')} principal={{ kind: 'role', name: 'fresh' }} onClose={vi.fn()} />);
    expect(await screen.findByText('No user or role holds fresh.')).toBeInTheDocument();
  });
});

describe('Redshift system permissions and default privileges', () => {
  it('diffs the checklist into grants and revokes', async () => {
    await load('redshift');
    api.principal.mockResolvedValue(detail({ ref: { kind: 'role', name: 'ops' }, role: roleAttrs('ops', { owner: 'admin' }), systemPrivileges: ['CREATE USER'] }));
    renderUI(<SystemPermissionsDialog env={envOf('redshift')} role="ops" onClose={vi.fn()} />);
    const createUser = await screen.findByRole('checkbox', { name: 'CREATE USER' });
    expect(createUser).toBeChecked();
    expect(screen.getAllByRole('checkbox')).toHaveLength(34);
    await userEvent.click(createUser);
    await userEvent.click(screen.getByRole('checkbox', { name: 'ACCESS SYSTEM TABLE' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add to pending changes' }));
    expect(queued('s-redshift')).toEqual([
      { kind: 'grant_system_privileges', system: { role: 'ops', privileges: ['ACCESS SYSTEM TABLE'] } },
      { kind: 'revoke_system_privileges', system: { role: 'ops', privileges: ['CREATE USER'] } },
    ]);
  });

  it('takes only users as creators on Redshift and queues a rule', async () => {
    await load('redshift');
    api.principal.mockResolvedValue(detail({ ref: { kind: 'user', name: 'alice' } }));
    renderUI(<DefaultPrivilegesDialog env={envOf('redshift')} principal={{ kind: 'user', name: 'alice' }} onClose={vi.fn()} />);
    expect(await screen.findByText(/Redshift: a user \(FOR USER\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: 'Grant to' }));
    await userEvent.click(await screen.findByRole('option', { name: 'reader' }));
    await userEvent.click(screen.getByRole('button', { name: 'Queue rule' }));
    expect(queued('s-redshift')).toEqual([
      {
        kind: 'grant_default_privileges',
        default: { creator: { kind: 'user', name: 'alice' }, objectType: 'tables', privileges: ['SELECT'], grantee: { kind: 'role', name: 'reader' } },
      },
    ]);
    expect(screen.getByLabelText('Queued rules')).toHaveTextContent('Default privileges: grant SELECT on tables created by alice');
  });
});
