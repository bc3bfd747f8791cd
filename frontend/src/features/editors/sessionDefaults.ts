// Session defaults of a user (ALTER USER/ROLE … SET name TO value, RESET
// name): read from the catalog's config ("name=value", pg_user.useconfig /
// pg_db_role_setting), edited as rows, and diffed into the change's
// setParameters / resetParameters. The backend checks names again and quotes
// values (sqltext); these checks only explain mistakes early.

export interface SessionDefault {
  name: string;
  value: string;
}

/** "search_path=a, b" → { name: "search_path", value: "a, b" }; entries without "=" are dropped. */
export function parseConfig(config: readonly string[] | null | undefined): SessionDefault[] {
  const out: SessionDefault[] = [];
  for (const entry of config ?? []) {
    const i = entry.indexOf('=');
    if (i <= 0) continue;
    out.push({ name: entry.slice(0, i), value: entry.slice(i + 1) });
  }
  return out;
}

const NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/;

/** Why a parameter name would be refused, or undefined (same rules as sqltext.ParameterName). */
export function parameterNameError(raw: string): string | undefined {
  const n = raw.trim().toLowerCase();
  if (!n) return 'Enter a parameter name.';
  if (n === 'all') return 'ALL is reserved: RESET ALL would reset every parameter.';
  if (n.length > 63) return 'At most 63 characters.';
  if (!NAME.test(n)) return 'Letters a-z, digits and _ (dots between words), starting with a letter.';
  return undefined;
}

/** Per-row errors: bad names and names given twice. */
export function sessionDefaultErrors(rows: readonly SessionDefault[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  return rows.map((r, i) => {
    const bad = parameterNameError(r.name);
    if (bad) return bad;
    const n = r.name.trim().toLowerCase();
    if (seen.has(n)) return `${n} is already set above.`;
    seen.set(n, i);
    return undefined;
  });
}

/**
 * What to send: parameters that are new or whose value changed go to
 * setParameters, parameters no longer listed to resetParameters. Names
 * compare case-insensitively (the servers store them lower case).
 */
export function diffSessionDefaults(
  orig: readonly SessionDefault[],
  next: readonly SessionDefault[],
): { setParameters: SessionDefault[]; resetParameters: string[] } {
  const key = (n: string) => n.trim().toLowerCase();
  const before = new Map(orig.map((p) => [key(p.name), p.value]));
  const after = new Map<string, SessionDefault>();
  for (const p of next) if (key(p.name)) after.set(key(p.name), { name: key(p.name), value: p.value });
  const setParameters = [...after.values()].filter((p) => before.get(p.name) !== p.value);
  const resetParameters = [...before.keys()].filter((n) => !after.has(n));
  return { setParameters, resetParameters };
}

/** Parameters the dialog offers by name (free text is allowed too). */
export function knownParameters(engine: 'redshift' | 'postgres'): string[] {
  return engine === 'redshift'
    ? ['search_path', 'statement_timeout', 'query_group', 'datestyle', 'timezone', 'wlm_query_slot_count', 'enable_result_cache_for_session', 'enable_case_sensitive_identifier', 'describe_field_name_in_uppercase', 'extra_float_digits']
    : ['search_path', 'statement_timeout', 'idle_in_transaction_session_timeout', 'idle_session_timeout', 'lock_timeout', 'work_mem', 'timezone', 'datestyle', 'application_name', 'role'];
}
