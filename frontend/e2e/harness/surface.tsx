// UI harness for screenshots of the Redshift grant surface: the real
// components over the bound methods' recorded answers (surface-data.json,
// written by `RSMATE_HARNESS_OUT=… go test ./app -run TestRecordSurfaceHarnessData`
// from the Redshift reader over the fixture and the Redshift renderer).
// Not part of the app: only shoot.mjs opens it. ?scheme=dark|light, ?view=overview|principal.
import './stub';
import '@mantine/core/styles.css';
import '../../src/app/global.css';
import { Box, MantineProvider, Paper, Title } from '@mantine/core';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { theme } from '../../src/app/theme';
import type { PrincipalDetail, SessionInfo } from '../../src/api';
import { AssumeRolePanel } from '../../src/features/catalog/principal/AssumeRolePanel';
import { EffectivePanel } from '../../src/features/catalog/principal/EffectivePanel';
import { GrantsPanel } from '../../src/features/catalog/principal/GrantsPanel';
import { CatalogSession } from '../../src/features/catalog/parts';
import { catalogFor } from '../../src/features/catalog/store';
import { RedshiftSurfaceSection } from '../../src/features/catalog/surface/RedshiftSurfaceSection';
import { data, SESSION } from './stub';

const params = new URLSearchParams(location.search);
const scheme = params.get('scheme') === 'dark' ? 'dark' : 'light';
const view = params.get('view') ?? 'overview';
const session = {
  id: SESSION,
  readOnly: false,
  server: { engine: 'redshift', version: 'Redshift (fixture)', host: 'harness', port: 5439, database: data.summary.database, user: 'admin' },
} as unknown as SessionInfo;

function Harness() {
  useEffect(() => {
    void catalogFor(SESSION).load(false);
  }, []);
  return (
    <Box p="lg" maw={1100} style={{ background: 'var(--mantine-color-body)', minHeight: '100vh' }}>
      {view === 'effective' || view === 'privileges' ? (
        <Paper withBorder radius="md" style={{ height: 520, display: 'flex', flexDirection: 'column' }}>
          <Title order={4} px="lg" pt="md">
            user {data.names.loader} · {view === 'effective' ? 'Effective access' : 'Privileges'}
          </Title>
          {view === 'effective' ? (
            <EffectivePanel session={session} detail={data.detail as unknown as PrincipalDetail} />
          ) : (
            <GrantsPanel session={session} detail={data.detail as unknown as PrincipalDetail} />
          )}
        </Paper>
      ) : view === 'principal' ? (
        <Paper withBorder radius="md">
          <Title order={4} px="lg" pt="md">
            user {data.names.loader} · IAM roles
          </Title>
          <AssumeRolePanel session={session} detail={data.detail as unknown as PrincipalDetail} />
        </Paper>
      ) : (
        <RedshiftSurfaceSection session={session} />
      )}
    </Box>
  );
}

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} forceColorScheme={scheme}>
    <CatalogSession session={session}>
      <Harness />
    </CatalogSession>
  </MantineProvider>,
);
