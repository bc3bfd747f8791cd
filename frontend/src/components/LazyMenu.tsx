import type { MenuDropdownProps, MenuProps } from '@mantine/core';
import { cloneElement, useState, type ComponentType, type FocusEvent, type MouseEvent, type PointerEvent, type ReactElement, type Ref } from 'react';
import { part, WithPart } from './part';
import { Tip } from './Tip';

/** One line of a menu: an action, a divider or a heading. */
export type MenuEntry =
  | {
      label: string;
      icon?: ComponentType<{ size?: number }>;
      /** A key combination (components/shortcuts.tsx notation), shown on the right. */
      shortcut?: string;
      /** A tick on the right: the current choice. */
      checked?: boolean;
      color?: string;
      disabled?: boolean;
      onClick: () => void;
    }
  | { divider: true }
  | { heading: string; dimmed?: boolean };

interface TargetProps {
  ref?: Ref<HTMLElement>;
  onClick?: (e: MouseEvent<HTMLElement>) => void;
  onPointerEnter?: (e: PointerEvent<HTMLElement>) => void;
  onFocus?: (e: FocusEvent<HTMLElement>) => void;
}

export interface LazyMenuProps extends Omit<MenuProps, 'children' | 'opened' | 'defaultOpened' | 'onChange'> {
  /** The button that opens the menu. */
  target: ReactElement<TargetProps>;
  /** The menu's lines, in order. */
  items: MenuEntry[];
  dropdownProps?: Omit<MenuDropdownProps, 'children'>;
  /** The button's tooltip. */
  tip?: string;
}

// The menu's code (Mantine's Menu, its popover and floating positioning) is
// loaded once the window is idle after the first screen, or before if a menu
// button is pointed at, focused or clicked first.
const builtMenu = part(() => import('./BuiltMenu').then((m) => m.default));
const prefetch = () => void builtMenu.load().catch(() => {});

/**
 * A Mantine Menu that is built the first time its button is clicked (or
 * pressed with Enter or Space). A closed Menu still costs a popover, its
 * floating position and a portal per instance, and the connection list has
 * one per row; the first screen shows none of them open, and its code is not
 * part of what a start loads. Until then the button is rendered alone; the
 * click that opens the menu mounts it, and keyboard focus moves to the menu's
 * own button, so closing the menu returns it there.
 */
export function LazyMenu({ target, items, dropdownProps, tip, ...menuProps }: LazyMenuProps) {
  // null until the first click; then whether the button had keyboard focus.
  const [built, setBuilt] = useState<{ refocus: boolean } | null>(null);
  const own = target.props;
  const alone = cloneElement(target, {
    onPointerEnter: (e) => {
      own.onPointerEnter?.(e);
      prefetch();
    },
    onFocus: (e) => {
      own.onFocus?.(e);
      prefetch();
    },
    onClick: (e: MouseEvent<HTMLElement>) => {
      own.onClick?.(e);
      setBuilt({ refocus: document.activeElement === e.currentTarget });
    },
  });
  const button = tip ? <Tip label={tip}>{alone}</Tip> : alone;
  if (!built) return button;
  return (
    // While the menu's code loads (a moment, once), the button stays as it was.
    <WithPart part={builtMenu} when fallback={button}>
      {(BuiltMenu) => (
        <BuiltMenu
          {...menuProps}
          target={target}
          items={items}
          dropdownProps={dropdownProps}
          tip={tip}
          refocus={built.refocus}
        />
      )}
    </WithPart>
  );
}
