import { ActionIcon, Button, Group, TextInput, Tooltip, type TextInputProps } from '@mantine/core';
import { IconFolderOpen, IconX } from '@tabler/icons-react';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'rightSection' | 'rightSectionWidth'> {
  value: string;
  onChange: (path: string) => void;
  /** Opens the native file dialog; resolves to the chosen path, or '' when cancelled. */
  onBrowse: () => Promise<string>;
  onBrowseError: (e: unknown) => void;
  /** "CA file": names the Clear button ("Clear CA file"). */
  what: string;
  /** Accessible name of the Browse button, when "Browse…" alone is ambiguous. */
  browseLabel?: string;
}

/** A path typed or picked through the native file dialog, with Clear and Browse… beside it. */
export function FilePathInput({ value, onChange, onBrowse, onBrowseError, what, browseLabel, ...input }: Props) {
  return (
    <TextInput
      {...input}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      spellCheck={false}
      rightSectionWidth={value ? 108 : 82}
      rightSection={
        <Group gap={2} wrap="nowrap" pr={4}>
          {value && (
            <Tooltip label={`Clear ${what}`}>
              <ActionIcon size="sm" aria-label={`Clear ${what}`} onClick={() => onChange('')}>
                <IconX size={12} />
              </ActionIcon>
            </Tooltip>
          )}
          <Button
            size="compact-xs"
            variant="default"
            aria-label={browseLabel}
            leftSection={<IconFolderOpen size={12} />}
            onClick={async () => {
              try {
                const path = await onBrowse();
                if (path) onChange(path);
              } catch (e) {
                onBrowseError(e);
              }
            }}
          >
            Browse…
          </Button>
        </Group>
      }
    />
  );
}
