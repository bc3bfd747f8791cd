// A throwaway OpenSSH server on loopback for end-to-end specs: generated host
// and user keys, a temporary sshd_config, a free port. Nothing system-wide.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';

async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

function listening(port) {
  return new Promise((res) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => { c.destroy(); res(true); });
    c.once('error', () => res(false));
  });
}

function keygen(path, passphrase = '') {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', '', '-f', path]);
}

/**
 * Starts sshd; returns { host, port, user, keyFile, encryptedKeyFile, passphrase, dir,
 * restartWithNewHostKey(), stop() }. Both user keys are authorized for the current user.
 */
export async function startSshd() {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: install openssh-server (scripts/deps.sh)`);
  const dir = mkdtempSync(join(tmpdir(), 'rsmate-e2e-sshd-'));
  const keyFile = join(dir, 'id_ed25519');
  keygen(keyFile);
  const encryptedKeyFile = join(dir, 'id_ed25519_enc');
  const passphrase = `e2e-passphrase-${process.pid}`;
  keygen(encryptedKeyFile, passphrase);
  writeFileSync(
    join(dir, 'authorized_keys'),
    Buffer.concat([readFileSync(`${keyFile}.pub`), readFileSync(`${encryptedKeyFile}.pub`)]),
    { mode: 0o600 },
  );
  const port = await freePort();
  let proc = null;
  let gen = 0;
  const start = async () => {
    gen++;
    const hostKey = join(dir, `host_ed25519_${gen}`);
    keygen(hostKey);
    const cfg = join(dir, 'sshd_config');
    writeFileSync(
      cfg,
      [
        'ListenAddress 127.0.0.1',
        `Port ${port}`,
        `HostKey ${hostKey}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin yes',
        'UsePAM no',
        'StrictModes no',
        'AllowTcpForwarding yes',
        '',
      ].join('\n'),
    );
    if (process.getuid?.() === 0) execFileSync('mkdir', ['-p', '/run/sshd']);
    proc = spawn(SSHD, ['-D', '-f', cfg, '-E', join(dir, 'sshd.log')], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await listening(port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`sshd did not listen on ${port}: ${readFileSync(join(dir, 'sshd.log'), 'utf8')}`);
  };
  const stopProc = async () => {
    if (!proc) return;
    const p = proc;
    proc = null;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    host: '127.0.0.1',
    port,
    user: userInfo().username,
    keyFile,
    encryptedKeyFile,
    passphrase,
    dir,
    log: () => readFileSync(join(dir, 'sshd.log'), 'utf8'),
    async restartWithNewHostKey() {
      await stopProc();
      await start();
    },
    async stop() {
      await stopProc();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
