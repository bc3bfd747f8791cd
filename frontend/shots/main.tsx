// Screenshot harness: renders real components against canned Redshift
// answers (window.go stands in for the Wails bindings), so Redshift-only
// views can be looked at without a cluster. Not part of the app build.
// Views: ?view=role-scoped | user-overview | user-effective | user-dialog | schema-object | database-object, &scheme=light|dark.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '../src/app/global.css';
import { Box, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { createRoot } from 'react-dom/client';
import { theme } from '../src/app/theme';
import { catalogFor } from '../src/features/catalog/store';
import { CatalogSession } from '../src/features/catalog/parts';
import { PrincipalDetailView } from '../src/features/catalog/principal/PrincipalDetail';
import { UserDialog } from '../src/features/editors/UserDialog';
import { makeEnv } from '../src/features/editors/env';
import { ObjectPane } from '../src/features/catalog/objects/ObjectPane';
import { detailOf, effectiveOf, grantsOn, schemas, session, summary, users, roles } from './data';

const params = new URLSearchParams(location.search);
const view = params.get('view') ?? 'role-scoped';
const scheme = params.get('scheme') === 'dark' ? 'dark' : 'light';

const ok = <T,>(v: T) => Promise.resolve(JSON.parse(JSON.stringify(v)) as T);
(window as unknown as { go: unknown }).go = {
  app: {
    CatalogService: {
      Load: () => ok(summary),
      Principal: (_: string, ref: { kind: string; name: string }) => ok(detailOf(ref)),
      Effective: (_: string, ref: { kind: string; name: string }) => ok(effectiveOf(ref)),
      EffectiveDatabase: (_: string, ref: { kind: string; name: string }) => ok(effectiveOf(ref)),
      Schemas: () => ok(schemas),
      Users: () => ok(users),
      Roles: () => ok(roles),
      Groups: () => ok([]),
      SchemaObjects: () => ok([]),
      ObjectGrants: (_: string, ref: { kind: string; schema?: string; name?: string }) => ok(grantsOn(ref)),
      Columns: () => ok([]),
      Cancel: () => ok(undefined),
    },
    ChangesService: new Proxy({}, { get: () => () => ok(null) }),
  },
};
(window as unknown as { runtime: unknown }).runtime = new Proxy({}, { get: () => () => () => {} });

function Screen() {
  const env = makeEnv(session, summary);
  if (view.startsWith('user-dialog')) return <UserDialog env={env} name="aad:ann" onClose={() => {}} />;
  if (view === 'schema-object')
    return (
      <Box h="100vh" style={{ overflow: 'auto' }}>
        <ObjectPane session={session} selection={{ kind: 'schema', schema: 'mart' }} database="dev" />
      </Box>
    );
  if (view === 'database-object')
    return (
      <Box h="100vh" style={{ overflow: 'auto' }}>
        <ObjectPane session={session} selection={{ kind: 'database' }} database="dev" />
      </Box>
    );
  const ref = view.startsWith('user') ? { kind: 'user' as const, name: 'aad:ann' } : { kind: 'role' as const, name: 'etl_loader' };
  return (
    <Box h="100vh">
      <PrincipalDetailView session={session} detail={detailOf(ref)} />
    </Box>
  );
}

void catalogFor(session.id)
  .load(false)
  .then(() => {
    createRoot(document.getElementById('root')!).render(
      <MantineProvider theme={theme} forceColorScheme={scheme}>
        <Notifications />
        <CatalogSession session={session}>
          <Screen />
        </CatalogSession>
      </MantineProvider>,
    );
  });
