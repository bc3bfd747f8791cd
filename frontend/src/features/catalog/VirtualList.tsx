import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import classes from './catalog.module.css';

export interface VirtualListHandle {
  focus: () => void;
  scrollToIndex: (i: number) => void;
}

export interface VirtualListProps {
  /** Accessible name of the listbox ("Users"). */
  label: string;
  count: number;
  /** Every row has this height in px: virtualisation needs no measuring. */
  rowHeight: number;
  rowKey: (i: number) => string;
  /** aria-label of a row (what a screen reader and the e2e tests find it by). */
  rowLabel: (i: number) => string;
  renderRow: (i: number) => ReactNode;
  /** Keyboard cursor. */
  activeIndex: number;
  onActiveChange: (i: number) => void;
  /** The opened row, if any (highlighted). */
  selectedIndex?: number;
  /** Click or Enter. */
  onOpen?: (i: number) => void;
  /** Shown instead of rows when count is 0. */
  empty?: ReactNode;
  overscan?: number;
  /**
   * The scroller's height in px when the caller sets it: the first render then
   * draws just the rows in view, instead of a guess redrawn once measured.
   */
  viewHeight?: number;
  /** Called when ArrowUp is pressed on the first row (e.g. back to the search box). */
  onExitTop?: () => void;
  /** Other keys (e.g. ArrowRight to expand a tree node); return true when handled. */
  onKey?: (key: string, activeIndex: number) => boolean;
}

/**
 * The rows [start, end) of a list of fixed-height rows that are in view (plus
 * overscan), read from the scroller's scroll position and height. Fixed
 * heights make it arithmetic: nothing is measured or kept per row, so a list
 * of 100,000 rows costs what the screen shows, also when its length changes
 * on every keystroke of a search.
 */
function useFixedRows(scrollRef: RefObject<HTMLDivElement | null>, count: number, rowHeight: number, overscan: number, viewHeight = 0) {
  const [view, setView] = useState({ top: 0, height: viewHeight });
  const read = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const next = { top: el.scrollTop, height: el.clientHeight };
    // Only a change of the first row in view or of the height renders again.
    setView((cur) => (Math.floor(cur.top / rowHeight) === Math.floor(next.top / rowHeight) && cur.height === next.height ? cur : next));
  }, [scrollRef, rowHeight]);
  useLayoutEffect(() => {
    read();
    const el = scrollRef.current;
    if (!el) return;
    // Rendered in the scroll event, so the frame it paints has its rows.
    const onScroll = () => flushSync(read);
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro?.disconnect();
    };
  }, [read, scrollRef]);
  // A shorter list (a search) pulls the scroll position back: read it again
  // once painted (reading it now would force a layout in the middle of the commit).
  useEffect(() => {
    const id = requestAnimationFrame(read);
    return () => cancelAnimationFrame(id);
  }, [read, count]);
  const shown = Math.ceil((view.height || rowHeight * 20) / rowHeight) + 1;
  // Until then, the browser has clamped the position to the shorter list's end.
  const first = Math.max(0, Math.min(Math.floor(view.top / rowHeight), count - shown + 1));
  const start = Math.max(0, Math.min(count, first) - overscan);
  const end = Math.min(count, first + shown + overscan);
  const scrollToIndex = useCallback(
    (i: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const top = i * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [scrollRef, rowHeight],
  );
  return { start, end, total: count * rowHeight, scrollToIndex };
}

/**
 * A keyboard-navigable, virtualised list of fixed-height rows: only the rows in
 * view (plus a few) exist in the DOM, so 100,000 rows scroll like 100.
 */
export const VirtualList = forwardRef<VirtualListHandle, VirtualListProps>(function VirtualList(
  { label, count, rowHeight, rowKey, rowLabel, renderRow, activeIndex, onActiveChange, selectedIndex, onOpen, empty, overscan = 8, viewHeight, onExitTop, onKey },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useFixedRows(scrollRef, count, rowHeight, overscan, viewHeight);

  useImperativeHandle(ref, () => ({
    focus: () => scrollRef.current?.focus(),
    scrollToIndex: v.scrollToIndex,
  }));

  // Keep the cursor in view as it moves.
  const { scrollToIndex } = v;
  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < count) scrollToIndex(activeIndex);
  }, [activeIndex, count, scrollToIndex]);
  const page = () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!count) return;
    if (onKey && !e.metaKey && !e.ctrlKey && onKey(e.key, activeIndex)) {
      e.preventDefault();
      return;
    }
    const move = (i: number) => {
      e.preventDefault();
      onActiveChange(Math.max(0, Math.min(count - 1, i)));
    };
    const cur = activeIndex < 0 ? -1 : activeIndex;
    switch (e.key) {
      case 'ArrowDown':
        return move(cur + 1);
      case 'ArrowUp':
        if (cur <= 0 && onExitTop) {
          e.preventDefault();
          return onExitTop();
        }
        return move(cur - 1);
      case 'PageDown':
        return move(cur + page());
      case 'PageUp':
        return move(cur - page());
      case 'Home':
        return move(0);
      case 'End':
        return move(count - 1);
      case 'Enter':
      case ' ':
        if (cur >= 0) {
          e.preventDefault();
          onOpen?.(cur);
        }
        return;
    }
  };

  // Row handlers that keep their identity, so a row that stays in view while
  // scrolling is not rendered again (ListRow is memoised).
  const handlers = useRef({ onActiveChange, onOpen });
  useLayoutEffect(() => {
    handlers.current = { onActiveChange, onOpen };
  });
  const press = useCallback((i: number) => {
    handlers.current.onActiveChange(i);
    handlers.current.onOpen?.(i);
  }, []);
  const down = useCallback(() => scrollRef.current?.focus(), []);

  const items: number[] = [];
  for (let i = v.start; i < v.end; i++) items.push(i);
  const activeId = activeIndex >= 0 && activeIndex < count ? `${label}-row-${activeIndex}` : undefined;

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="listbox"
      aria-label={label}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {count === 0 ? (
        empty
      ) : (
        <div style={{ height: v.total, position: 'relative', width: '100%' }}>
          {items.map((i) => (
            <ListRow
              key={rowKey(i)}
              id={`${label}-row-${i}`}
              index={i}
              start={i * rowHeight}
              height={rowHeight}
              label={rowLabel(i)}
              selected={i === selectedIndex}
              active={i === activeIndex}
              renderRow={renderRow}
              onPress={press}
              onDown={down}
            />
          ))}
        </div>
      )}
    </div>
  );
});

interface ListRowProps {
  id: string;
  index: number;
  start: number;
  height: number;
  label: string;
  selected: boolean;
  active: boolean;
  renderRow: (i: number) => ReactNode;
  onPress: (i: number) => void;
  onDown: () => void;
}

/** One option of a VirtualList; renders again only when its own props change. */
const ListRow = memo(function ListRow({ id, index, start, height, label, selected, active, renderRow, onPress, onDown }: ListRowProps) {
  return (
    <div
      id={id}
      role="option"
      aria-label={label}
      aria-selected={selected}
      data-index={index}
      data-active={active || undefined}
      data-selected={selected || undefined}
      className={classes.row}
      style={{ height, transform: `translateY(${start}px)` }}
      onMouseDown={(e) => {
        e.preventDefault();
        onDown();
      }}
      onClick={() => onPress(index)}
    >
      {renderRow(index)}
    </div>
  );
});

/** A plain (non-selectable) virtualised list of fixed-height rows. */
export function VirtualRows({
  label,
  count,
  rowHeight,
  rowKey,
  renderRow,
  rowClass,
  empty,
}: {
  label: string;
  count: number;
  rowHeight: number | ((i: number) => number);
  rowKey: (i: number) => string;
  renderRow: (i: number) => ReactNode;
  rowClass?: (i: number) => string | undefined;
  empty?: ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const size = typeof rowHeight === 'number' ? () => rowHeight : rowHeight;
  const v = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: size, overscan: 10, getItemKey: rowKey });
  return (
    <div ref={scrollRef} className={classes.scroller} role="list" aria-label={label} style={{ contain: 'strict' }}>
      {count === 0 ? (
        empty
      ) : (
        <div style={{ height: v.getTotalSize(), position: 'relative', width: '100%' }}>
          {v.getVirtualItems().map((it) => (
            <div
              key={it.key}
              role="listitem"
              data-index={it.index}
              className={`${classes.row} ${rowClass?.(it.index) ?? ''}`}
              style={{ height: it.size, transform: `translateY(${it.start}px)`, cursor: 'default' }}
            >
              {renderRow(it.index)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
