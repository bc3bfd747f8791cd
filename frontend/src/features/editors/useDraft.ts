// The matrix draft of a session, read from and written to the pending store.
import { useCallback, useMemo } from 'react';
import type { ObjectKind, PrincipalRef } from '../../api/changes';
import { pending, usePending } from '../changes/store';
import type { EditorEnv } from './env';
import { draftFromItems, groupDraft, isChecked, kindInSchema, Overlay, type Action, type BaseState, type Draft } from './matrix';
import type { CellView } from './MatrixGrid';

/** The objects of each kind and schema seen by an editor: lets a whole column become ALL TABLES IN SCHEMA (the kind's bulk form). */
const objectsBySession = new Map<string, Map<string, Set<string>>>();

export function rememberObjects(sessionId: string, schema: string, kind: ObjectKind, keys: Set<string>) {
  let m = objectsBySession.get(sessionId);
  if (!m) objectsBySession.set(sessionId, (m = new Map()));
  m.set(kindInSchema(kind, schema), keys);
}

export function useDraft(env: EditorEnv) {
  const items = usePending(env.sessionId);
  const draft = useMemo(
    () =>
      draftFromItems(
        items.filter((i) => i.origin === 'matrix'),
        env.vocab,
      ),
    [items, env.vocab],
  );
  const overlay = useMemo(() => new Overlay(items.map((i) => ({ change: i.change, matrix: i.origin === 'matrix' })), env.vocab), [items, env.vocab]);
  const commit = useCallback(
    (next: Draft) => {
      pending.replace(env.sessionId, (i) => i.origin === 'matrix', groupDraft(next, env.vocab, objectsBySession.get(env.sessionId)), 'matrix', true);
    },
    [env.sessionId, env.vocab],
  );
  return { items, draft, overlay, commit };
}

export interface BaseCell {
  state: BaseState;
  grantOption: boolean;
  /** Where an inherited privilege comes from, in words. */
  source?: string;
}

function who(p: PrincipalRef): string {
  return p.kind === 'public' ? 'PUBLIC' : `${p.kind} ${p.name}`;
}

/** "role analyst → role reader" for an inheritance path. */
export function pathText(via: PrincipalRef[]): string {
  return via.map(who).join(' → ');
}

/** What a cell shows: the pending action if any, else what the catalog says. */
export function cellView(base: BaseCell | undefined, action: Action | undefined): CellView {
  const checked = isChecked(base, action);
  if (action === 'grant')
    return {
      state: 'grant',
      checked,
      grantOption: false,
      tooltip: base?.state === 'direct' ? 'Held already; queued to grant again' : 'Queued: will be granted on apply',
    };
  if (action === 'revoke' && base?.state === 'direct') return { state: 'revoke', checked, grantOption: false, tooltip: 'Queued: will be revoked on apply' };
  if (base?.state === 'direct')
    return { state: 'direct', checked, grantOption: base.grantOption, tooltip: base.grantOption ? 'Granted directly, with grant option' : undefined };
  if (base?.state === 'inherited') return { state: 'inherited', checked, grantOption: base.grantOption, tooltip: base.source };
  return { state: 'none', checked, grantOption: false };
}
