import { Menu, Text, Tooltip } from '@mantine/core';
import { mergeRefs } from '@mantine/hooks';
import { IconCheck } from '@tabler/icons-react';
import { cloneElement, useLayoutEffect, useState } from 'react';
import type { LazyMenuProps, MenuEntry } from './LazyMenu';
import { shortcutLabel } from './shortcuts';

/** Mounted by LazyMenu on its button's first click, in place of the button alone. */
export default function BuiltMenu({ target, items, dropdownProps, tip, refocus, ...menuProps }: LazyMenuProps & { refocus: boolean }) {
  const [opened, setOpened] = useState(false);
  const [first, setFirst] = useState(true);
  const [button, setButton] = useState<HTMLElement | null>(null);

  // This renders its own copy of the button: give it the focus the first one
  // had, then open, so the menu returns focus there when it closes.
  useLayoutEffect(() => {
    if (!first || !button?.isConnected) return;
    if (refocus) button.focus();
    // One render after the menu mounted: Mantine notes the focused element when the menu opens.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFirst(false);
    setOpened(true);
  }, [first, button, refocus]);

  const own = cloneElement(target, { ref: mergeRefs(setButton, target.props.ref) });
  return (
    <Menu {...menuProps} opened={opened} onChange={setOpened}>
      {/* Menu.Target hands its props to its child: a Mantine Tooltip passes them on, Tip would not. */}
      <Menu.Target>{tip ? <Tooltip label={tip}>{own}</Tooltip> : own}</Menu.Target>
      <Menu.Dropdown {...dropdownProps}>{items.map(line)}</Menu.Dropdown>
    </Menu>
  );
}

function line(e: MenuEntry, i: number) {
  if ('divider' in e) return <Menu.Divider key={i} />;
  if ('heading' in e)
    return (
      <Menu.Label key={i}>
        {e.dimmed ? (
          <Text size="xs" c="dimmed">
            {e.heading}
          </Text>
        ) : (
          e.heading
        )}
      </Menu.Label>
    );
  const right = e.checked ? (
    <IconCheck size={14} />
  ) : e.shortcut ? (
    <Text size="xs" c="dimmed">
      {shortcutLabel(e.shortcut)}
    </Text>
  ) : null;
  return (
    <Menu.Item key={i} leftSection={e.icon && <e.icon size={14} />} rightSection={right} color={e.color} disabled={e.disabled} onClick={e.onClick}>
      {e.label}
    </Menu.Item>
  );
}
