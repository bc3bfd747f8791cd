import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { toApiError } from '../api';
import { sentence } from './text';

export function notifyError(e: unknown, title?: string) {
  const err = toApiError(e);
  notifications.show({
    color: 'red',
    icon: <IconAlertTriangle size={16} />,
    title: title ?? sentence(err.message),
    message: title ? [sentence(err.message), err.hint].filter(Boolean).join('. ') : err.hint || err.code,
    autoClose: 9000,
  });
}

export function notifySuccess(title: string, message?: string) {
  notifications.show({ color: 'teal', icon: <IconCheck size={16} />, title, message: message ?? '', autoClose: 3500 });
}

export function notifyInfo(title: string, message: string, opts?: { id?: string; autoClose?: number | false }) {
  notifications.show({
    id: opts?.id,
    color: 'blue',
    icon: <IconInfoCircle size={16} />,
    title,
    message,
    autoClose: opts?.autoClose ?? 12000,
  });
}
