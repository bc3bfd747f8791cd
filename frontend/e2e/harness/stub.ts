// The Wails bindings' window.go for the harness: recorded answers only.
import recorded from './surface-data.json';

export const data = recorded as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export const SESSION = 'harness';

function render(changes: unknown[]) {
  const last = changes[changes.length - 1];
  const hit = data.renders[JSON.stringify([last])];
  if (!hit) return Promise.reject({ code: 'invalid', message: 'the harness has no recorded rendering for this change' });
  if (hit.error) return Promise.reject({ code: 'invalid', message: hit.error });
  const statements = hit.statements.map((s: { changeIndex: number }) => ({ ...s, changeIndex: changes.length - 1 }));
  return Promise.resolve({ id: '', statements, warnings: [], transactional: true, destructive: false, readOnly: false, script: '' });
}

(window as unknown as { go: unknown }).go = {
  app: {
    CatalogService: {
      Load: () => Promise.resolve(data.summary),
      Users: () => Promise.resolve(data.users),
      Roles: () => Promise.resolve(data.roles),
      Groups: () => Promise.resolve(data.groups),
      Surface: () => Promise.resolve(data.surface),
      AssumeRoles: () => Promise.resolve(data.assumeRoles),
      Principal: () => Promise.resolve(data.detail),
      Schemas: () => Promise.resolve(data.schemas),
      Effective: () => Promise.resolve(data.effective),
      SchemaObjects: () => Promise.resolve(data.objects),
    },
    ChangesService: { Render: (_sid: string, changes: unknown[]) => render(changes) },
  },
};
