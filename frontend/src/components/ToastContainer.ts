// Loaded by NotificationsHost with the first toast.
export { Notifications as default } from '@mantine/notifications';
