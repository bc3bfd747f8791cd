// Every global shortcut in one place, so menus, tooltips and the help sheet
// show the same keys the handlers listen to (Mantine useHotkeys syntax).
export const HOTKEYS = {
  newConnection: 'mod+N',
  search: 'mod+K',
  connect: 'mod+Enter',
  edit: 'mod+E',
  disconnect: 'mod+W',
  pendingChanges: 'mod+S',
  theme: 'mod+shift+L',
  help: 'mod+/',
  about: 'mod+I',
  moveUp: 'alt+ArrowUp',
  moveDown: 'alt+ArrowDown',
} as const;

export const HOTKEY_HELP: { keys: string; what: string }[] = [
  { keys: HOTKEYS.newConnection, what: 'New connection' },
  { keys: HOTKEYS.search, what: 'Search connections' },
  { keys: HOTKEYS.connect, what: 'Connect the selected connection' },
  { keys: HOTKEYS.edit, what: 'Edit the selected connection' },
  { keys: HOTKEYS.moveUp, what: 'Move the selected connection up' },
  { keys: HOTKEYS.moveDown, what: 'Move the selected connection down' },
  { keys: HOTKEYS.disconnect, what: 'Disconnect the current session' },
  { keys: HOTKEYS.pendingChanges, what: 'Open the pending changes of the session' },
  { keys: 'mod+R', what: 'Refresh the catalog of the current session' },
  { keys: 'mod+F', what: 'Search the current list (users, roles, groups, objects)' },
  { keys: 'mod+1', what: 'Switch to session 1 … 9' },
  { keys: HOTKEYS.theme, what: 'Cycle theme: system, light, dark' },
  { keys: HOTKEYS.help, what: 'Show keyboard shortcuts' },
  { keys: HOTKEYS.about, what: 'About Redshift Mate (version, files, licences)' },
];
