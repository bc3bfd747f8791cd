// Places in the browsing screens where the editing UI puts its buttons
// (create, edit, grant, drop …). The catalog screens render these and nothing
// else there, so the two features meet at one seam.
import type { ObjectRef, PrincipalDetail, PrincipalRef, SessionInfo } from '../../api';
import { ListEditActions, ObjectEditActions, PrincipalEditActions } from '../editors/actions';

export interface PrincipalActionsProps {
  session: SessionInfo;
  principal: PrincipalRef;
  /** The loaded detail; undefined while it loads. */
  detail?: PrincipalDetail;
}

/** Action buttons in the header of a user, role, group or PUBLIC. Filled by the editing UI. */
export function PrincipalActions(props: PrincipalActionsProps) {
  return <PrincipalEditActions {...props} />;
}

export interface ObjectActionsProps {
  session: SessionInfo;
  /** A database, schema, relation or routine. */
  object: ObjectRef;
}

/** Action buttons in the header of an object in the object browser. Filled by the editing UI. */
export function ObjectActions(props: ObjectActionsProps) {
  return <ObjectEditActions {...props} />;
}

export interface ListActionsProps {
  session: SessionInfo;
  /** Which list the buttons sit above. */
  list: 'users' | 'roles' | 'groups';
}

/** Buttons next to a list's search box (e.g. "New user"). Filled by the editing UI. */
export function ListActions(props: ListActionsProps) {
  return <ListEditActions {...props} />;
}
