// Questions the editors ask of the session's vocabulary (backend/vocab, from
// the catalog summary): which privileges a kind has, in which order, what each
// allows, who may hold the grant and admin options. No privilege list is
// written here: adding a kind or a privilege is a backend descriptor.
import type { DefaultObjectType, ObjectKind, PrincipalKind } from '../../api/changes';
import type { VocabKind, Vocabulary } from '../../api';

/** Before the catalog is loaded: nothing is grantable yet. */
export const EMPTY_VOCABULARY: Vocabulary = { engine: '', kinds: [], defaults: [], grantOption: [], adminOption: [] };

export function kindOf(v: Vocabulary, kind: ObjectKind): VocabKind | undefined {
  return v.kinds.find((k) => k.kind === kind);
}

/** The kind whose objects have columns (column privileges hang off it). */
export function columnKind(v: Vocabulary): VocabKind | undefined {
  return v.kinds.find((k) => k.columnPrivileges?.length);
}

/** Privilege keywords of a kind ('column': the column privileges), in statement order. */
export function objectPrivileges(v: Vocabulary, kind: ObjectKind): string[] {
  if (kind === 'column') return columnKind(v)?.columnPrivileges ?? [];
  return kindOf(v, kind)?.privileges.map((p) => p.name) ?? [];
}

/** What a privilege allows on a kind, in a few words ('' when unknown). */
export function privilegeHelp(v: Vocabulary, kind: ObjectKind, privilege: string): string {
  const k = kind === 'column' ? columnKind(v) : kindOf(v, kind);
  return k?.privileges.find((p) => p.name === privilege)?.help ?? '';
}

/** Column headers of a kind's matrix: each privilege with its help as a tooltip. */
export function privilegeColumns(v: Vocabulary, kind: ObjectKind): { name: string; help: string }[] {
  return objectPrivileges(v, kind).map((name) => ({ name, help: privilegeHelp(v, kind, name) }));
}

/** Who may receive WITH GRANT OPTION. */
export function grantOptionAllowed(v: Vocabulary, kind: PrincipalKind): boolean {
  return v.grantOption.includes(kind);
}

/** Who may hold WITH ADMIN OPTION on a role. */
export function adminOptionAllowed(v: Vocabulary, kind: PrincipalKind): boolean {
  return v.adminOption.includes(kind);
}

/** Who may receive scoped permissions (Redshift: users and roles). */
export function scopedAllowed(v: Vocabulary, kind: PrincipalKind): boolean {
  return (v.scopedGrantees ?? []).includes(kind);
}

/** The kinds with their own section: the schema's kinds first, then the database-level ones. */
export function sectionKinds(v: Vocabulary): VocabKind[] {
  const inSchema = v.kinds.filter((k) => k.section && k.parent === 'schema');
  return [...inSchema, ...v.kinds.filter((k) => k.section && k.parent !== 'schema')];
}

/** The kinds whose objects live in a schema (tables, sequences, functions, …). */
export function schemaKinds(v: Vocabulary): VocabKind[] {
  return v.kinds.filter((k) => k.parent === 'schema');
}

/** The object types of ALTER DEFAULT PRIVILEGES. */
export function defaultTypes(v: Vocabulary): DefaultObjectType[] {
  return v.defaults.map((d) => d.type as DefaultObjectType);
}

export function defaultPrivileges(v: Vocabulary, t: DefaultObjectType): string[] {
  return v.defaults.find((d) => d.type === t)?.privileges ?? [];
}

/** "Tables" from "tables". */
export function title(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
