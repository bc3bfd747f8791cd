import { Checkbox, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type ReactNode } from 'react';
import classes from './Matrix.module.css';

export type CellState = 'direct' | 'inherited' | 'grant' | 'revoke' | 'none';

export interface CellView {
  state: CellState;
  checked: boolean;
  grantOption: boolean;
  /** Why the cell looks as it does (inheritance path, pending action). */
  tooltip?: string;
}

export interface MatrixRow {
  key: string;
  label: ReactNode;
  /** Accessible name of the row's object or grantee. */
  name: string;
  /** The cell of a privilege, or null where the privilege does not apply. */
  cell: (privilege: string) => CellView | null;
  actions?: ReactNode;
  highlight?: boolean;
}

interface CellProps {
  view: CellView;
  label: string;
  disabled?: boolean;
  onToggle: () => void;
}

/** A tri-state privilege cell: held directly, inherited, pending grant or revoke, or none. */
export const PrivCell = memo(function PrivCell({ view, label, disabled, onToggle }: CellProps) {
  const btn = (
    <button
      type="button"
      role="checkbox"
      aria-checked={view.checked}
      aria-label={label}
      className={classes.cell}
      data-state={view.state}
      data-option={view.grantOption || undefined}
      data-disabled={disabled || undefined}
      disabled={disabled}
      onClick={onToggle}
    >
      {view.state === 'direct' || view.state === 'grant' ? (
        <IconCheck size={13} stroke={3} />
      ) : view.state === 'revoke' ? (
        <IconMinus size={13} stroke={3} />
      ) : view.state === 'inherited' ? (
        <IconCheck size={12} stroke={2.5} />
      ) : null}
    </button>
  );
  if (!view.tooltip) return btn;
  return (
    <Tooltip label={view.tooltip} multiline maw={340} openDelay={250} withinPortal>
      {btn}
    </Tooltip>
  );
});

export function Legend({ grantOption, inherited = true }: { grantOption?: boolean; inherited?: boolean }) {
  const item = (state: CellState, text: string, option = false) => (
    <span className={classes.legendItem}>
      <span className={classes.cell} data-state={state} data-option={option || undefined}>
        {state === 'direct' || state === 'grant' ? <IconCheck size={10} stroke={3} /> : state === 'revoke' ? <IconMinus size={10} stroke={3} /> : state === 'inherited' ? <IconCheck size={9} /> : null}
      </span>
      {text}
    </span>
  );
  return (
    <div className={classes.legend} aria-label="Legend">
      {item('direct', 'granted directly')}
      {inherited && item('inherited', 'inherited (hover for the path)')}
      {item('grant', 'to grant')}
      {item('revoke', 'to revoke')}
      {item('none', 'not held')}
      {grantOption && item('direct', 'with grant option', true)}
    </div>
  );
}

interface GridProps {
  columns: string[];
  /** What each column's privilege allows, shown as the header's tooltip. */
  help?: (privilege: string) => string;
  rows: MatrixRow[];
  /** Column header of the name column. */
  nameHeader: string;
  onToggle: (row: MatrixRow, privilege: string) => void;
  onRow: (row: MatrixRow, wanted: boolean) => void;
  onColumn: (privilege: string, wanted: boolean) => void;
  readOnly?: boolean;
  /** Pixel height of the scrolled body; rows beyond it are virtualised. */
  height: number | string;
  emptyText?: string;
  withActions?: boolean;
  ariaLabel: string;
  /** Select-all checkboxes under the column names (off for a single row). */
  columnToggles?: boolean;
}

function agg(values: boolean[]): 'all' | 'some' | 'none' {
  const n = values.filter(Boolean).length;
  return n === 0 ? 'none' : n === values.length ? 'all' : 'some';
}

/**
 * The matrix: rows × privilege columns with select-all per row and column.
 * Only the visible rows are in the DOM, so thousands of objects stay fast.
 */
export function MatrixGrid({ columns, help, rows, nameHeader, onToggle, onRow, onColumn, readOnly, height, emptyText, withActions, ariaLabel, columnToggles = true }: GridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virt = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 30,
    overscan: 12,
    initialRect: { width: 900, height: 600 },
  });
  const template = `minmax(220px, 1fr) repeat(${columns.length}, minmax(62px, 84px))${withActions ? ' 92px' : ''}`;
  const colState = columns.map((p) =>
    agg(
      rows
        .map((r) => r.cell(p))
        .filter((c): c is CellView => !!c)
        .map((c) => c.checked),
    ),
  );
  return (
    <div className={classes.grid} role="grid" aria-label={ariaLabel} aria-rowcount={rows.length + 1}>
      <div className={classes.head} style={{ gridTemplateColumns: template, minHeight: columnToggles ? undefined : 30 }} role="row">
        <div className={classes.nameCell} role="columnheader">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {nameHeader}
            {columnToggles ? ` (${rows.length.toLocaleString('en-US')})` : ''}
          </Text>
        </div>
        {columns.map((p, i) => (
          <div key={p} className={classes.headCell} role="columnheader">
            {help?.(p) ? (
              <Tooltip label={`${p}: ${help(p)}`} withinPortal openDelay={200}>
                <span>{p}</span>
              </Tooltip>
            ) : (
              <span>{p}</span>
            )}
            {columnToggles && (
              <Checkbox
                size="xs"
                aria-label={`All ${p}`}
                checked={colState[i] === 'all'}
                indeterminate={colState[i] === 'some'}
                disabled={readOnly || rows.length === 0}
                onChange={() => onColumn(p, colState[i] !== 'all')}
              />
            )}
          </div>
        ))}
        {withActions && <div role="columnheader" />}
      </div>
      <div ref={scrollRef} className={classes.scroll} style={{ height }}>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {emptyText ?? 'Nothing here.'}
          </Text>
        ) : (
          <div style={{ height: virt.getTotalSize(), position: 'relative' }}>
            {virt.getVirtualItems().map((vi) => {
              const r = rows[vi.index];
              const cells = columns.map((p) => r.cell(p));
              const rowState = agg(cells.filter((c): c is CellView => !!c).map((c) => c.checked));
              return (
                <div
                  key={r.key}
                  role="row"
                  aria-label={r.name}
                  aria-rowindex={vi.index + 2}
                  className={`${classes.row} ${r.highlight ? classes.rowSchema : ''}`}
                  style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${vi.start}px)` }}
                >
                  <div className={classes.nameCell} role="rowheader">
                    <Checkbox
                      size="xs"
                      aria-label={`All privileges on ${r.name}`}
                      checked={rowState === 'all'}
                      indeterminate={rowState === 'some'}
                      disabled={readOnly}
                      onChange={() => onRow(r, rowState !== 'all')}
                    />
                    <div className={classes.name}>{r.label}</div>
                  </div>
                  {cells.map((c, i) => (
                    <div key={columns[i]} className={classes.center} role="gridcell">
                      {c && <PrivCell view={c} label={`${columns[i]} on ${r.name}`} disabled={readOnly} onToggle={() => onToggle(r, columns[i])} />}
                    </div>
                  ))}
                  {withActions && (
                    <div className={classes.center} role="gridcell">
                      {r.actions}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
