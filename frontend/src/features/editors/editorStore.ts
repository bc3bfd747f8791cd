// Which editor dialog is open in each session. Buttons anywhere (lists,
// detail pages, the object browser) call openEditor; one EditorsHost per
// workspace renders it.
import { useSyncExternalStore } from 'react';
import type { ObjectRef, PrincipalRef } from '../../api/changes';

export type EditorSpec =
  | { type: 'user'; mode: 'create' }
  | { type: 'user'; mode: 'edit'; name: string; resetPassword?: boolean }
  | { type: 'role'; mode: 'create' }
  | { type: 'role'; mode: 'edit'; name: string }
  | { type: 'group'; mode: 'create' }
  | { type: 'group'; mode: 'edit'; name: string }
  | { type: 'drop'; principal: PrincipalRef }
  | { type: 'offboard'; user: string }
  | { type: 'compare'; principal: PrincipalRef }
  | { type: 'membership'; principal: PrincipalRef }
  | { type: 'privileges'; principal: PrincipalRef; schema?: string }
  | { type: 'objectGrants'; object: ObjectRef }
  | { type: 'columns'; object: ObjectRef; grantee?: PrincipalRef }
  | { type: 'defaults'; principal?: PrincipalRef }
  | { type: 'system'; role: string };

// A stack per session: a dialog opened from another (column privileges from
// the matrix) sits on top of it and returns to it when closed.
const open = new Map<string, EditorSpec[]>();
const listeners = new Set<() => void>();
const NONE: EditorSpec[] = [];

function emit() {
  for (const l of [...listeners]) l();
}

/** Opens an editor; with over, on top of the current one instead of replacing it. */
export function openEditor(sessionId: string, spec: EditorSpec, opts?: { over?: boolean }) {
  const cur = open.get(sessionId) ?? NONE;
  open.set(sessionId, opts?.over ? [...cur, spec] : [spec]);
  emit();
}

/** Closes the top editor. */
export function closeEditor(sessionId: string) {
  const cur = open.get(sessionId);
  if (!cur?.length) return;
  if (cur.length === 1) open.delete(sessionId);
  else open.set(sessionId, cur.slice(0, -1));
  emit();
}

export function openEditors(sessionId: string): EditorSpec[] {
  return open.get(sessionId) ?? NONE;
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The session's open editors, bottom first. */
export function useEditors(sessionId: string): EditorSpec[] {
  return useSyncExternalStore(
    subscribe,
    () => openEditors(sessionId),
    () => openEditors(sessionId),
  );
}
