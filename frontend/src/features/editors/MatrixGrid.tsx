import { Checkbox, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type FocusEvent, type MouseEvent, type ReactNode } from 'react';
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

/**
 * A tri-state privilege cell: held directly, inherited, pending grant or
 * revoke, or none. A plain button: its explanation (data-tip) is shown by the
 * grid's one shared tooltip, so a screen of cells mounts no floating elements.
 */
export const PrivCell = memo(function PrivCell({ view, label, disabled, onToggle }: CellProps) {
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={view.checked}
      aria-label={label}
      className={classes.cell}
      data-state={view.state}
      data-option={view.grantOption || undefined}
      data-disabled={disabled || undefined}
      data-tip={view.tooltip}
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
});

type Agg = 'all' | 'some' | 'none';

/** A select-all box for a row: a plain tri-state checkbox (aria-checked "mixed" when some are held). */
function RowCheck({ state, label, disabled, onChange }: { state: Agg; label: string; disabled?: boolean; onChange: () => void }) {
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={state === 'all' ? true : state === 'some' ? 'mixed' : false}
      aria-label={label}
      className={classes.rowCheck}
      data-state={state}
      disabled={disabled}
      onClick={onChange}
    >
      {state === 'all' ? <IconCheck size={11} stroke={3.5} /> : state === 'some' ? <IconMinus size={11} stroke={3.5} /> : null}
    </button>
  );
}

/** A small icon button at the end of a row; tip is shown by the grid's shared tooltip. */
export function RowAction({ label, tip, onClick, children }: { label: string; tip: string; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className={classes.rowAction} aria-label={label} data-tip={tip} onClick={onClick}>
      {children}
    </button>
  );
}

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
      {inherited && item('inherited', 'inherited (hover or focus for the path)')}
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

function agg(cells: (CellView | null)[]): Agg {
  let n = 0;
  let held = 0;
  for (const c of cells) {
    if (!c) continue;
    n++;
    if (c.checked) held++;
  }
  return held === 0 ? 'none' : held === n ? 'all' : 'some';
}

/**
 * One tooltip for a whole grid: any element inside with data-tip shows it,
 * after a short delay on hover and at once on keyboard focus (so an inherited
 * privilege's path is reachable without a mouse). A Mantine Tooltip per cell
 * would mount a floating element per cell in view.
 */
function useSharedTip() {
  const [tip, setTip] = useState<{ el: HTMLElement; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const current = useRef<HTMLElement | null>(null);
  const clear = () => {
    clearTimeout(timer.current);
    current.current = null;
    setTip(null);
  };
  const show = (el: HTMLElement, delay: number) => {
    if (current.current === el) return;
    clearTimeout(timer.current);
    current.current = el;
    setTip(null);
    timer.current = setTimeout(() => {
      if (current.current === el && el.isConnected && el.dataset.tip) setTip({ el, text: el.dataset.tip });
    }, delay);
  };
  const target = (e: { target: EventTarget }) => (e.target instanceof Element ? (e.target.closest('[data-tip]') as HTMLElement | null) : null);
  useEffect(() => () => clearTimeout(timer.current), []);
  const handlers = {
    onMouseOver: (e: MouseEvent) => {
      const el = target(e);
      if (el) show(el, 250);
      else if (current.current) clear();
    },
    onMouseLeave: clear,
    onFocus: (e: FocusEvent) => {
      const el = target(e);
      if (el && el.matches(':focus-visible')) show(el, 0);
    },
    onBlur: clear,
    onScroll: () => current.current && clear(),
    // A toggle changes the cell's explanation: read it again once the row has re-rendered.
    onClick: () => {
      const el = current.current;
      if (el) requestAnimationFrame(() => current.current === el && setTip(el.isConnected && el.dataset.tip ? { el, text: el.dataset.tip } : null));
    },
  };
  const node = tip ? <Tooltip label={tip.text} target={tip.el} opened multiline maw={340} withinPortal /> : null;
  return { handlers, node };
}

interface RowProps {
  row: MatrixRow;
  index: number;
  start: number;
  columns: string[];
  template: string;
  readOnly?: boolean;
  withActions?: boolean;
  events: { current: { onToggle: GridProps['onToggle']; onRow: GridProps['onRow'] } };
}

/** One row of the grid; renders again only when its row (its cells) or place changes. */
const GridRow = memo(function GridRow({ row: r, index, start, columns, template, readOnly, withActions, events }: RowProps) {
  const cells = columns.map((p) => r.cell(p));
  const rowState = agg(cells);
  return (
    <div
      role="row"
      aria-label={r.name}
      aria-rowindex={index + 2}
      className={`${classes.row} ${r.highlight ? classes.rowSchema : ''}`}
      style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${start}px)` }}
    >
      <div className={classes.nameCell} role="rowheader">
        <RowCheck state={rowState} label={`All privileges on ${r.name}`} disabled={readOnly} onChange={() => events.current.onRow(r, rowState !== 'all')} />
        <div className={classes.name}>{r.label}</div>
      </div>
      {cells.map((c, i) => (
        <div key={columns[i]} className={classes.center} role="gridcell">
          {c && <PrivCell view={c} label={`${columns[i]} on ${r.name}`} disabled={readOnly} onToggle={() => events.current.onToggle(r, columns[i])} />}
        </div>
      ))}
      {withActions && (
        <div className={classes.center} role="gridcell">
          {r.actions}
        </div>
      )}
    </div>
  );
});

/**
 * The matrix: rows × privilege columns with select-all per row and column.
 * Only the visible rows are in the DOM, and a row renders again only when its
 * cells change, so thousands of objects stay fast.
 */
export function MatrixGrid({ columns, help, rows, nameHeader, onToggle, onRow, onColumn, readOnly, height, emptyText, withActions, ariaLabel, columnToggles = true }: GridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virt = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 30,
    overscan: 8,
    initialRect: { width: 900, height: 600 },
  });
  const tip = useSharedTip();
  const events = useRef({ onToggle, onRow });
  events.current = { onToggle, onRow };
  const template = `minmax(220px, 1fr) repeat(${columns.length}, minmax(62px, 84px))${withActions ? ' 92px' : ''}`;
  // Select-all state per column over every row (not only those in view): once per rows.
  const colState = useMemo(() => columns.map((p) => agg(rows.map((r) => r.cell(p)))), [columns, rows]);
  return (
    <div
      className={classes.grid}
      role="grid"
      aria-label={ariaLabel}
      aria-rowcount={rows.length + 1}
      onMouseOver={tip.handlers.onMouseOver}
      onMouseLeave={tip.handlers.onMouseLeave}
      onFocus={tip.handlers.onFocus}
      onBlur={tip.handlers.onBlur}
      onClick={tip.handlers.onClick}
    >
      <div className={classes.head} style={{ gridTemplateColumns: template, minHeight: columnToggles ? undefined : 30 }} role="row">
        <div className={classes.nameCell} role="columnheader">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {nameHeader}
            {columnToggles ? ` (${rows.length.toLocaleString('en-US')})` : ''}
          </Text>
        </div>
        {columns.map((p, i) => (
          <div key={p} className={classes.headCell} role="columnheader">
            <span data-tip={help?.(p) ? `${p}: ${help(p)}` : undefined}>{p}</span>
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
      <div ref={scrollRef} className={classes.scroll} style={{ height }} onScroll={tip.handlers.onScroll}>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {emptyText ?? 'Nothing here.'}
          </Text>
        ) : (
          <div style={{ height: virt.getTotalSize(), position: 'relative' }}>
            {virt.getVirtualItems().map((vi) => (
              <GridRow
                key={rows[vi.index].key}
                row={rows[vi.index]}
                index={vi.index}
                start={vi.start}
                columns={columns}
                template={template}
                readOnly={readOnly}
                withActions={withActions}
                events={events}
              />
            ))}
          </div>
        )}
      </div>
      {tip.node}
    </div>
  );
}
