// The list half of the Users, Roles and Groups tabs: search, filters, sortable
// column headers, a virtualised list with keyboard navigation, and counts.
import { ActionIcon, Badge, Button, CloseButton, Group, Indicator, Popover, Text, TextInput, Tooltip } from '@mantine/core';
import { getHotkeyHandler, useHotkeys } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { shortcutLabel } from '../../../components/shortcuts';
import { CATALOG_HOTKEYS } from '../CatalogToolbar';
import { fmtCount } from '../format';
import { EmptyHint, SortHeader } from '../parts';
import { VirtualList, type VirtualListHandle } from '../VirtualList';
import type { Sort } from './logic';
import classes from '../catalog.module.css';

export interface Column<T> {
  key: string;
  label: string;
  /** Fixed width in px; omit for the flexible (name) column. */
  width?: number;
  align?: 'left' | 'right';
  sortable?: boolean;
  /** First direction when this column becomes the sort (counts read best largest first). */
  firstDir?: 'asc' | 'desc';
  render: (row: T) => ReactNode;
}

export interface ActiveFilter {
  id: string;
  label: string;
  onRemove: () => void;
}

export interface PrincipalListProps<T extends { name: string }> {
  /** "Users": the listbox's name. */
  label: string;
  /** Singular and plural nouns for counts. */
  noun: [string, string];
  rows: T[];
  total: number;
  columns: Column<T>[];
  sort: Sort;
  onSort: (key: string) => void;
  search: string;
  onSearch: (s: string) => void;
  /** The filter popover's content; active filters are listed as removable pills. */
  filters?: ReactNode;
  activeFilters: ActiveFilter[];
  onClearFilters: () => void;
  selected: string | null;
  onOpen: (row: T) => void;
  activeIndex: number;
  onActiveChange: (i: number) => void;
  /** Buttons from the editing UI next to the search box. */
  actions?: ReactNode;
  /** Shown when the database has none at all (rather than none matching). */
  emptyAll: ReactNode;
  rowHeight?: number;
  /** Rows pinned above the list (e.g. PUBLIC), not counted. */
  pinned?: ReactNode;
}

export const ROW_HEIGHT = 38;

export function PrincipalList<T extends { name: string }>(p: PrincipalListProps<T>) {
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<VirtualListHandle>(null);
  const { rows, total, columns, sort, onSort, selected, activeIndex, onActiveChange } = p;

  useHotkeys([[CATALOG_HOTKEYS.search, () => searchRef.current?.select()]], []);

  const selectedIndex = useMemo(() => (selected == null ? -1 : rows.findIndex((r) => r.name === selected)), [rows, selected]);

  // When the opened row moves (new sort or filter), the cursor follows it.
  useEffect(() => {
    if (selectedIndex >= 0) onActiveChange(selectedIndex);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedIndex]);

  const filtered = rows.length !== total;
  const [one, many] = p.noun;
  const countText = filtered
    ? `${fmtCount(rows.length)} of ${fmtCount(total)} ${total === 1 ? one : many}`
    : `${fmtCount(total)} ${total === 1 ? one : many}`;

  const header = (
    <div className={classes.header} role="row" aria-label={`${p.label} columns`}>
      {columns.map((c) => (
        <div
          key={c.key}
          className={classes.cell}
          style={c.width ? { width: c.width, flexShrink: 0, textAlign: c.align } : { flex: 1 }}
          role="columnheader"
        >
          {c.sortable === false ? (
            c.label
          ) : (
            <SortHeader label={c.label} sortKey={c.key} sort={sort} onSort={onSort} align={c.align} />
          )}
        </div>
      ))}
    </div>
  );

  const empty =
    total === 0 ? (
      p.emptyAll
    ) : (
      <EmptyHint icon={<IconFilterOff size={20} />} title={`No ${many} match`}>
        {p.search.trim() ? `Nothing is named like “${p.search.trim()}”` : 'Nothing matches'}
        {p.activeFilters.length ? ` with ${p.activeFilters.length === 1 ? 'this filter' : 'these filters'}` : ''}.{' '}
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => {
            p.onSearch('');
            p.onClearFilters();
          }}
        >
          Clear search and filters
        </Button>
      </EmptyHint>
    );

  return (
    <>
      <div className={classes.paneTools}>
        <Group gap={6} wrap="nowrap">
          <TextInput
            ref={searchRef}
            aria-label={`Search ${many}`}
            placeholder={`Search ${many}…`}
            value={p.search}
            onChange={(e) => p.onSearch(e.currentTarget.value)}
            leftSection={<IconSearch size={14} />}
            rightSection={
              p.search ? (
                <CloseButton size="sm" aria-label="Clear search" onClick={() => p.onSearch('')} />
              ) : (
                <Text size="10px" c="dimmed" pr={6} style={{ whiteSpace: 'nowrap' }}>
                  {shortcutLabel(CATALOG_HOTKEYS.search)}
                </Text>
              )
            }
            rightSectionWidth={p.search ? undefined : 52}
            style={{ flex: 1 }}
            onKeyDown={(e) =>
              getHotkeyHandler([
              [
                'ArrowDown',
                () => {
                  if (!rows.length) return;
                  onActiveChange(Math.max(0, activeIndex));
                  listRef.current?.focus();
                },
              ],
              ['Enter', () => rows.length && p.onOpen(rows[Math.max(0, activeIndex)] ?? rows[0])],
              ['Escape', () => p.onSearch('')],
            ])(e)
            }
          />
          {p.filters && (
            <Popover position="bottom-end" shadow="md" width={300} withinPortal trapFocus={false}>
              <Popover.Target>
                <Tooltip label="Filters and sorting">
                  <Indicator disabled={!p.activeFilters.length} label={p.activeFilters.length} size={14} offset={4}>
                    <ActionIcon variant="default" size={30} aria-label={`Filter ${many}`}>
                      <IconAdjustmentsHorizontal size={16} />
                    </ActionIcon>
                  </Indicator>
                </Tooltip>
              </Popover.Target>
              <Popover.Dropdown p="sm">{p.filters}</Popover.Dropdown>
            </Popover>
          )}
          {p.actions}
        </Group>
        {p.activeFilters.length > 0 && (
          <Group gap={4} mt={8} aria-label="Active filters">
            {p.activeFilters.map((f) => (
              <Badge
                key={f.id}
                variant="light"
                size="md"
                radius="sm"
                pr={2}
                rightSection={<CloseButton size="xs" aria-label={`Remove filter ${f.label}`} onClick={f.onRemove} />}
              >
                {f.label}
              </Badge>
            ))}
            <Button size="compact-xs" variant="subtle" color="gray" onClick={p.onClearFilters}>
              Clear
            </Button>
          </Group>
        )}
      </div>
      {header}
      {p.pinned}
      <div style={{ flex: 1, minHeight: 0 }}>
        <VirtualList
          ref={listRef}
          label={p.label}
          count={rows.length}
          rowHeight={p.rowHeight ?? ROW_HEIGHT}
          rowKey={(i) => rows[i].name}
          rowLabel={(i) => rows[i].name}
          activeIndex={activeIndex}
          onActiveChange={onActiveChange}
          selectedIndex={selectedIndex}
          onOpen={(i) => p.onOpen(rows[i])}
          onExitTop={() => searchRef.current?.focus()}
          empty={empty}
          renderRow={(i) =>
            columns.map((c) => (
              <div
                key={c.key}
                className={c.align === 'right' ? `${classes.cell} ${classes.num}` : classes.cell}
                style={c.width ? { width: c.width, flexShrink: 0 } : { flex: 1, display: 'flex', alignItems: 'center', gap: 6 }}
              >
                {c.render(rows[i])}
              </div>
            ))
          }
        />
      </div>
      <div className={classes.paneFooter} aria-live="polite" aria-label={`${p.label} count`}>
        {countText}
      </div>
    </>
  );
}
