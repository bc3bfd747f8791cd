// Words for the offboarding's steps and their states.
import type { OffboardStep, OffboardStepResult } from '../../api/offboard';

export const STEP_TITLE: Record<string, string> = {
  disable_login: 'Stop new sign-ins',
  clear: 'Clear',
  drop: 'Drop the user',
};

/** "owns 2 objects · 3 grants · 1 default privilege", or "nothing here". */
export function blockerWords(st: OffboardStep): string {
  const b = st.blockers;
  const parts: string[] = [];
  const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-US')} ${k === 1 ? one : many}`;
  if (b.owned?.length) parts.push(`owns ${n(b.owned.length, 'object', 'objects')}`);
  if (b.grants) parts.push(n(b.grants, 'privilege', 'privileges'));
  if (b.defaultsAsCreator) parts.push(n(b.defaultsAsCreator, 'default privilege set', 'default privileges set'));
  if (b.defaultsAsGrantee) parts.push(n(b.defaultsAsGrantee, 'default privilege received', 'default privileges received'));
  if (b.assumeRoles) parts.push(n(b.assumeRoles, 'IAM role it may assume', 'IAM roles it may assume'));
  return parts.length ? parts.join(' · ') : 'nothing here';
}

export const STATE_LABEL: Record<string, { label: string; color: string }> = {
  running: { label: 'running', color: 'blue' },
  done: { label: 'done, read back', color: 'teal' },
  nothing: { label: 'nothing to do', color: 'gray' },
  failed: { label: 'failed', color: 'red' },
  skipped: { label: 'not started', color: 'gray' },
};

/** The state to show for step i: the latest progress, or none before the apply. */
export function stateOf(results: Map<number, OffboardStepResult>, i: number): OffboardStepResult | undefined {
  return results.get(i);
}
