import { Suspense, lazy } from 'react';
import type { SessionInfo } from '../../api';
import { ColumnsDialog } from './ColumnsDialog';
import { DefaultPrivilegesDialog, SystemPermissionsDialog } from './DefaultsSystemDialogs';
import { closeEditor, useEditors, type EditorSpec } from './editorStore';
import { useEditorEnv, type EditorEnv } from './env';
import { MembershipDialog } from './MembershipDialog';
import { ObjectGrantsDialog } from './ObjectGrantsDialog';
import { PrivilegeEditor } from './PrivilegeEditor';
import { DropDialog, GroupDialog, RoleDialog } from './RoleGroupDialogs';
import { UserDialog } from './UserDialog';

// Rare, large dialogs: loaded when first opened.
const CompareDialog = lazy(() => import('../compare/CompareDialog').then((m) => ({ default: m.CompareDialog })));
const OffboardDialog = lazy(() => import('../offboard/OffboardDialog').then((m) => ({ default: m.OffboardDialog })));

function Editor({ env, spec, onClose }: { env: EditorEnv; spec: EditorSpec; onClose: () => void }) {
  switch (spec.type) {
    case 'user':
      return <UserDialog env={env} name={spec.mode === 'edit' ? spec.name : undefined} resetPassword={spec.mode === 'edit' && spec.resetPassword} onClose={onClose} />;
    case 'role':
      return <RoleDialog env={env} name={spec.mode === 'edit' ? spec.name : undefined} onClose={onClose} />;
    case 'group':
      return <GroupDialog env={env} name={spec.mode === 'edit' ? spec.name : undefined} onClose={onClose} />;
    case 'drop':
      return <DropDialog env={env} principal={spec.principal} onClose={onClose} />;
    case 'compare':
      return (
        <Suspense fallback={null}>
          <CompareDialog env={env} principal={spec.principal} onClose={onClose} />
        </Suspense>
      );
    case 'offboard':
      return (
        <Suspense fallback={null}>
          <OffboardDialog env={env} user={spec.user} onClose={onClose} />
        </Suspense>
      );
    case 'membership':
      return <MembershipDialog env={env} principal={spec.principal} onClose={onClose} />;
    case 'privileges':
      return <PrivilegeEditor env={env} principal={spec.principal} schema={spec.schema} onClose={onClose} />;
    case 'objectGrants':
      return <ObjectGrantsDialog env={env} object={spec.object} onClose={onClose} />;
    case 'columns':
      return <ColumnsDialog env={env} object={spec.object} grantee={spec.grantee} onClose={onClose} />;
    case 'defaults':
      return <DefaultPrivilegesDialog env={env} principal={spec.principal} onClose={onClose} />;
    case 'system':
      return <SystemPermissionsDialog env={env} role={spec.role} onClose={onClose} />;
  }
}

/** Renders the session's open editor dialogs (one per workspace). */
export function EditorsHost({ session }: { session: SessionInfo }) {
  const specs = useEditors(session.id);
  const env = useEditorEnv(session);
  return (
    <>
      {specs.map((spec, i) => (
        <Editor key={`${i}:${spec.type}`} env={env} spec={spec} onClose={() => closeEditor(session.id)} />
      ))}
    </>
  );
}
