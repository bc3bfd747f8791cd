import { IconPointer } from '@tabler/icons-react';
import { catalogApi, type PrincipalRef, type SessionInfo } from '../../../api';
import { principalKey } from '../format';
import { EmptyHint, ErrorPane, PaneLoader } from '../parts';
import { useCatalogQuery } from '../store';
import { PrincipalDetailView } from './PrincipalDetail';

/** The right half of a principal tab: the selected principal's detail, or a hint. */
export function PrincipalPane({
  session,
  principal,
  placeholder,
}: {
  session: SessionInfo;
  principal: PrincipalRef | null;
  placeholder: { title: string; text: string };
}) {
  const key = principal ? `principal:${principalKey(principal)}` : null;
  const q = useCatalogQuery(session.id, key, () => catalogApi.principal(session.id, principal!));
  if (!principal)
    return (
      <div style={{ margin: 'auto' }}>
        <EmptyHint icon={<IconPointer size={20} />} title={placeholder.title}>
          {placeholder.text}
        </EmptyHint>
      </div>
    );
  if (q.error) return <ErrorPane error={q.error} onRetry={q.reload} />;
  if (!q.data) return <PaneLoader label={`Loading ${principal.kind === 'public' ? 'PUBLIC' : principal.name}…`} />;
  return <PrincipalDetailView session={session} detail={q.data} />;
}
