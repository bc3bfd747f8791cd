import { Menu, Tooltip, type MenuDropdownProps, type MenuProps } from '@mantine/core';
import { mergeRefs } from '@mantine/hooks';
import { Tip } from './Tip';
import { cloneElement, useLayoutEffect, useState, type MouseEvent, type ReactElement, type ReactNode, type Ref } from 'react';

interface TargetProps {
  ref?: Ref<HTMLElement>;
  onClick?: (e: MouseEvent<HTMLElement>) => void;
}

export interface LazyMenuProps extends Omit<MenuProps, 'children' | 'opened' | 'defaultOpened' | 'onChange'> {
  /** The button that opens the menu. */
  target: ReactElement<TargetProps>;
  /** The menu's items, labels and dividers. */
  children: ReactNode;
  dropdownProps?: Omit<MenuDropdownProps, 'children'>;
  /** The button's tooltip. */
  tip?: string;
}

/**
 * A Mantine Menu that is built the first time its button is clicked (or
 * pressed with Enter or Space). A closed Menu still costs a popover, its
 * floating position and a portal per instance, and the connection list has
 * one per row; the first screen shows none of them open. Until then the button
 * is rendered alone; the click that opens the menu mounts it, and keyboard
 * focus moves to the menu's own button, so closing the menu returns it there.
 */
export function LazyMenu({ target, children, dropdownProps, tip, ...menuProps }: LazyMenuProps) {
  // null until the first click; then whether the button had keyboard focus.
  const [built, setBuilt] = useState<{ refocus: boolean; opened: boolean } | null>(null);
  const [opened, setOpened] = useState(false);
  const [button, setButton] = useState<HTMLElement | null>(null);
  const ref = mergeRefs(setButton, target.props.ref);

  // The built menu renders its own copy of the button: give it the focus the
  // first one had, then open, so the menu returns focus there when it closes.
  useLayoutEffect(() => {
    // Until the built menu's button is attached, `button` may still be the first, removed one.
    if (!built || built.opened || !button?.isConnected) return;
    if (built.refocus) button.focus();
    // One render after the menu mounted: Mantine notes the focused element when the menu opens.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setBuilt({ ...built, opened: true });
    setOpened(true);
  }, [built, button]);

  if (!built) {
    const alone = cloneElement(target, {
      ref,
      onClick: (e: MouseEvent<HTMLElement>) => {
        target.props.onClick?.(e);
        setBuilt({ refocus: document.activeElement === e.currentTarget, opened: false });
      },
    });
    return tip ? <Tip label={tip}>{alone}</Tip> : alone;
  }
  const own = cloneElement(target, { ref });
  return (
    <Menu {...menuProps} opened={opened} onChange={setOpened}>
      {/* Menu.Target hands its props to its child: a Mantine Tooltip passes them on, Tip would not. */}
      <Menu.Target>{tip ? <Tooltip label={tip}>{own}</Tooltip> : own}</Menu.Target>
      <Menu.Dropdown {...dropdownProps}>{children}</Menu.Dropdown>
    </Menu>
  );
}
