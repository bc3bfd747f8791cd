import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../components/notify';

export interface ExportItem {
  label: string;
  /** Saves through the native dialog; resolves to the path, '' when cancelled. */
  run: () => Promise<string>;
}

/** Runs one export and says where it went (nothing when the dialog was cancelled). */
export async function runExport(item: ExportItem): Promise<void> {
  try {
    const path = await item.run();
    if (path) notifySuccess('Exported', path);
  } catch (e) {
    notifyError(e, `${item.label} failed`);
  }
}

/** An "Export" button with a menu of formats; each item opens the save dialog. */
export function ExportMenu({ items, label = 'Export' }: { items: ExportItem[]; label?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" loading={busy} leftSection={<IconDownload size={14} />} rightSection={<IconChevronDown size={12} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((it) => (
          <Menu.Item
            key={it.label}
            onClick={() => {
              setBusy(true);
              void runExport(it).finally(() => setBusy(false));
            }}
          >
            {it.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
