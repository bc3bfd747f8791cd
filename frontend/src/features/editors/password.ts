// Client-side password rules, mirroring the backend's (sqltext): Redshift's
// documented policy (DG r_CREATE_USER) and PostgreSQL's minimum length. The
// backend checks again; this gives a live checklist while typing.

export type EngineName = 'redshift' | 'postgres' | string;

export interface PasswordRule {
  id: string;
  /** The rule as the checklist states it. */
  label: string;
  ok: boolean;
  /** One specific sentence when the rule is broken. */
  message: string;
}

const FORBIDDEN: Record<string, string> = {
  "'": 'a single quote (\')',
  '"': 'a double quote (")',
  '\\': 'a backslash (\\)',
  '/': 'a slash (/)',
  '@': 'an at sign (@)',
};

export const REDSHIFT_MIN = 8;
export const REDSHIFT_MAX = 64;
export const POSTGRES_MIN = 8;

function redshiftRules(pw: string): PasswordRule[] {
  const chars = [...pw];
  const n = chars.length;
  const outside = chars.filter((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 33 || code > 126;
  });
  const forbidden = [...new Set(chars.filter((c) => c in FORBIDDEN))];
  const hasSpace = chars.includes(' ');
  return [
    {
      id: 'length',
      label: `${REDSHIFT_MIN} to ${REDSHIFT_MAX} characters`,
      ok: n >= REDSHIFT_MIN && n <= REDSHIFT_MAX,
      message:
        n > REDSHIFT_MAX
          ? `The password has ${n} characters; Redshift allows at most ${REDSHIFT_MAX}.`
          : `The password has ${n} characters; Redshift requires at least ${REDSHIFT_MIN}.`,
    },
    { id: 'upper', label: 'an upper-case letter (A–Z)', ok: /[A-Z]/.test(pw), message: 'Add an upper-case letter (A–Z).' },
    { id: 'lower', label: 'a lower-case letter (a–z)', ok: /[a-z]/.test(pw), message: 'Add a lower-case letter (a–z).' },
    { id: 'digit', label: 'a digit (0–9)', ok: /[0-9]/.test(pw), message: 'Add a digit (0–9).' },
    {
      id: 'ascii',
      label: 'only printable ASCII, no spaces',
      ok: outside.length === 0,
      message: hasSpace
        ? 'Remove the space: Redshift allows printable ASCII characters without spaces.'
        : `Remove ${outside.map((c) => `“${c}”`).join(' ')}: Redshift allows only printable ASCII (codes 33 to 126).`,
    },
    {
      id: 'forbidden',
      label: `none of ' " \\ / @`,
      ok: forbidden.length === 0,
      message: `Remove ${forbidden.map((c) => FORBIDDEN[c]).join(', ')}: Redshift forbids ' " \\ / and @.`,
    },
  ];
}

function postgresRules(pw: string): PasswordRule[] {
  const n = [...pw].length;
  return [
    {
      id: 'length',
      label: `at least ${POSTGRES_MIN} characters`,
      ok: n >= POSTGRES_MIN,
      message: `The password has ${n} characters; at least ${POSTGRES_MIN} are required.`,
    },
    { id: 'nul', label: 'no NUL character', ok: !pw.includes('\u0000'), message: 'Remove the NUL character.' },
  ];
}

/** Every rule of the engine, each with its state, in checklist order. */
export function passwordRules(pw: string, engine: EngineName): PasswordRule[] {
  return engine === 'redshift' ? redshiftRules(pw) : postgresRules(pw);
}

/** The first broken rule's message, or null when the password passes. */
export function passwordError(pw: string, engine: EngineName): string | null {
  if (pw === '') return 'Enter a password.';
  const bad = passwordRules(pw, engine).find((r) => !r.ok);
  return bad ? bad.message : null;
}

/** A rough strength score 0..4 for the hint bar (length and variety). */
export function passwordStrength(pw: string): number {
  if (!pw) return 0;
  let classes = 0;
  if (/[a-z]/.test(pw)) classes++;
  if (/[A-Z]/.test(pw)) classes++;
  if (/[0-9]/.test(pw)) classes++;
  if (/[^A-Za-z0-9]/.test(pw)) classes++;
  let s = 0;
  if (pw.length >= 8) s++;
  if (pw.length >= 12) s++;
  if (pw.length >= 16) s++;
  if (classes >= 3) s++;
  if (classes === 4 && pw.length >= 12) s++;
  return Math.min(4, s);
}

/** A random password that passes the engine's rules (for "Generate"). */
export function generatePassword(length = 20): string {
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const lower = 'abcdefghijkmnopqrstuvwxyz';
  const digits = '23456789';
  const symbols = '!#$%&*+-=?^_~';
  const all = upper + lower + digits + symbols;
  const rnd = (max: number) => {
    const a = new Uint32Array(1);
    crypto.getRandomValues(a);
    return a[0] % max;
  };
  const pick = (s: string) => s[rnd(s.length)];
  const chars = [pick(upper), pick(lower), pick(digits), pick(symbols)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = rnd(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
