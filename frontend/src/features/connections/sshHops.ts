import type { SSHHop } from '../../api';

/** Formats jump hosts as ssh -J writes them: user@host:port, comma-separated. */
export function formatHops(hops: SSHHop[] | undefined): string {
  return (hops ?? [])
    .map((h) => {
      const host = h.host.includes(':') ? `[${h.host}]` : h.host;
      const port = h.port && h.port !== 22 ? `:${h.port}` : '';
      return `${h.user ? `${h.user}@` : ''}${host}${port}`;
    })
    .join(', ');
}

/** Parses an ssh -J style list; a hop without a port uses 22. */
export function parseHops(text: string): SSHHop[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      let user: string | undefined;
      const at = s.lastIndexOf('@');
      if (at >= 0) {
        user = s.slice(0, at);
        s = s.slice(at + 1);
      }
      let host = s;
      let port = 22;
      const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(s);
      if (v6) {
        host = v6[1];
        if (v6[2] !== undefined) port = Number(v6[2]);
      } else if (s.split(':').length === 2) {
        const [h, p] = s.split(':');
        host = h;
        port = p === '' ? NaN : Number(p);
      }
      return user ? { host, port, user } : { host, port };
    });
}
