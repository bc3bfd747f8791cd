// The wiring shared by the Users, Roles and Groups tabs: list state kept per
// session, the error/loading/list switch, and the list/detail split. Each tab
// declares only its columns, filters and wording.
import { Checkbox } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { PrincipalKind, PrincipalRef, SessionInfo } from '../../../api';
import { ErrorPane, PaneLoader } from '../parts';
import { PrincipalPane } from '../principal/PrincipalPane';
import { ListActions } from '../slots';
import { selectedKey, useCatalogQuery, useSessionUI } from '../store';
import { nextSort, sortRowsCached, type Sort } from './logic';
import { PrincipalList, type ActiveFilter, type Column } from './PrincipalList';
import { SplitView } from './SplitView';

type ListTab = 'users' | 'roles' | 'groups';

interface ListQuery {
  text: string;
  flags: string[];
}

/** xs with x added, or removed when already there. */
export function toggled<V>(xs: V[], x: V): V[] {
  return xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];
}

export interface PrincipalListStateOptions<T, Q> {
  session: SessionInfo;
  tab: ListTab;
  /** The principal kind the tab's rows open as. */
  kind: PrincipalKind;
  fetch: () => Promise<T[]>;
  emptyQuery: Q;
  /** sortValues and filter: module-level constants, so rows are not re-sorted on every render. */
  sortValues: Record<string, (row: T) => string | number>;
  filter: (rows: T[], query: Q) => T[];
}

export function usePrincipalListState<T extends { name: string }, Q extends ListQuery>(o: PrincipalListStateOptions<T, Q>) {
  const { session, tab, kind, emptyQuery, sortValues, filter } = o;
  const q = useCatalogQuery(session.id, tab, o.fetch);
  const [query, setQuery] = useSessionUI<Q>(session.id, `${tab}.query`, emptyQuery);
  const [sort, setSort] = useSessionUI<Sort>(session.id, `${tab}.sort`, { key: 'name', dir: 'asc' });
  const [selected, setSelected] = useSessionUI<PrincipalRef | null>(session.id, selectedKey(tab), null);
  const [active, setActive] = useState(-1);
  const text = query.text;

  const all = useMemo(() => q.data ?? [], [q.data]);
  // Sort once per answer and order (remembered across tab switches), filter
  // on each keystroke: filtering keeps the order and is O(n).
  const sorted = useMemo(() => sortRowsCached(all, sort, sortValues), [all, sort, sortValues]);
  const rows = useMemo(() => filter(sorted, { ...query, text }), [sorted, query, text, filter]);

  const toggleFlag = (fl: Q['flags'][number]) => setQuery((cur) => ({ ...cur, flags: toggled(cur.flags, fl) }));
  /** Removable pills for the flags that are on. */
  const flagPills = (labels: Record<Q['flags'][number], string>): ActiveFilter[] =>
    query.flags.map((fl) => ({ id: fl, label: labels[fl as Q['flags'][number]], onRemove: () => toggleFlag(fl) }));

  return { session, tab, kind, emptyQuery, q, all, rows, query, setQuery, sort, setSort, selected, setSelected, active, setActive, toggleFlag, flagPills };
}

export type PrincipalListState<T extends { name: string }, Q extends ListQuery> = ReturnType<typeof usePrincipalListState<T, Q>>;

/** One checkbox per flag, on when the query has it. */
export function FlagChecks<F extends string>({ flags, labels, on, onToggle }: { flags: F[]; labels: Record<F, string>; on: F[]; onToggle: (fl: F) => void }) {
  return flags.map((fl) => <Checkbox key={fl} size="xs" label={labels[fl]} checked={on.includes(fl)} onChange={() => onToggle(fl)} />);
}

export interface PrincipalListTabProps<T extends { name: string }, Q extends ListQuery> {
  state: PrincipalListState<T, Q>;
  /** "Users": the listbox's name. */
  label: string;
  /** Singular and plural nouns for counts; the plural also names the loader. */
  noun: [string, string];
  columns: Column<T>[];
  filters: ReactNode;
  activeFilters: ActiveFilter[];
  /** Rows there are in all; defaults to every fetched row. */
  total?: number;
  pinned?: ReactNode;
  emptyAll: ReactNode;
  placeholder: { title: string; text: string };
}

export function PrincipalListTab<T extends { name: string }, Q extends ListQuery>(p: PrincipalListTabProps<T, Q>) {
  const { session, tab, kind, emptyQuery, q, all, rows, query, setQuery, sort, setSort, selected, setSelected, active, setActive } = p.state;
  const { columns } = p;
  // A principal that is gone from the loaded list (dropped, renamed) is no
  // longer selected: its pane would only say it does not exist.
  const current = selected?.kind === kind && q.data && !all.some((r) => r.name === selected.name) ? null : selected;

  let list;
  if (q.error) list = <ErrorPane error={q.error} onRetry={q.reload} />;
  else if (!q.data) list = <PaneLoader label={`Loading ${p.noun[1]}…`} />;
  else
    list = (
      <PrincipalList<T>
        label={p.label}
        noun={p.noun}
        rows={rows}
        total={p.total ?? all.length}
        columns={columns}
        sort={sort}
        onSort={(k) => setSort(nextSort(sort, k, columns.find((c) => c.key === k)?.firstDir))}
        search={query.text}
        onSearch={(t) => setQuery((cur) => ({ ...cur, text: t }))}
        filters={p.filters}
        activeFilters={p.activeFilters}
        onClearFilters={() => setQuery((cur) => ({ ...emptyQuery, text: cur.text }))}
        selected={current?.kind === kind ? current.name : null}
        onOpen={(r) => setSelected({ kind, name: r.name })}
        activeIndex={active}
        onActiveChange={setActive}
        actions={<ListActions session={session} list={tab} />}
        pinned={p.pinned}
        emptyAll={p.emptyAll}
      />
    );

  // The detail does not depend on the search: a keystroke renders the list, not the open principal again.
  const { title, text } = p.placeholder;
  const detail = useMemo(() => <PrincipalPane session={session} principal={current} placeholder={{ title, text }} />, [session, current, title, text]);
  return <SplitView list={list} detail={detail} />;
}
