import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aboutApi, type AboutInfo } from '../../api';
import { renderUI } from '../../test/render';
import { AboutDialog } from './AboutDialog';

vi.mock('../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api')>();
  return { ...orig, aboutApi: { about: vi.fn(), thirdPartyLicenses: vi.fn(), sandbox: vi.fn() } };
});
const api = vi.mocked(aboutApi);

const info: AboutInfo = {
  version: 'v1.2.3-4-gabc1234',
  commit: 'abc1234def',
  buildDate: '2026-11-30T10:00:00Z',
  goVersion: 'go1.26.8',
  wails: 'v2.9.2',
  platform: 'linux/amd64',
  configDir: '/home/u/.config/redshift-mate',
  profilesFile: '/home/u/.config/redshift-mate/profiles.json',
  auditLog: '/home/u/.config/redshift-mate/audit.jsonl',
  appLog: '/home/u/.cache/redshift-mate/logs/app.log',
  packages: 59,
  licenses: [
    { license: 'MIT', count: 47 },
    { license: 'BSD-3-Clause', count: 5 },
  ],
  sandbox: { running: false, emulatedRunning: false, available: true, binDir: '/usr/lib/postgresql/15/bin', need: '' },
};

describe('AboutDialog', () => {
  beforeEach(() => {
    api.about.mockResolvedValue(info);
    api.thirdPartyLicenses.mockResolvedValue('react 19.3.1 (npm) — MIT\nPermission is hereby granted');
  });

  it('shows the version, the build, the file paths and the licence summary', async () => {
    renderUI(<AboutDialog opened onClose={() => {}} />);
    expect(await screen.findByText('Redshift Mate v1.2.3-4-gabc1234')).toBeInTheDocument();
    expect(screen.getByText('abc1234def')).toBeInTheDocument();
    expect(screen.getByText('v2.9.2')).toBeInTheDocument();
    expect(screen.getByText(info.profilesFile)).toBeInTheDocument();
    expect(screen.getByText(info.auditLog)).toBeInTheDocument();
    expect(screen.getByText(info.appLog)).toBeInTheDocument();
    expect(screen.getByText('MIT × 47')).toBeInTheDocument();
    expect(screen.getByText(/bundles 59 third-party packages/)).toBeInTheDocument();
    expect(api.thirdPartyLicenses).not.toHaveBeenCalled();
  });

  it('loads and shows the full licence texts on demand', async () => {
    renderUI(<AboutDialog opened onClose={() => {}} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Show the full licence texts' }));
    expect(await screen.findByText(/Permission is hereby granted/)).toBeInTheDocument();
    expect(api.thirdPartyLicenses).toHaveBeenCalledTimes(1);
  });
});
