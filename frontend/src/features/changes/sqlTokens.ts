// A tiny SQL tokenizer for the preview: keywords, quoted identifiers, string
// literals, numbers and comments. Enough for the statements the backend
// renders (GRANT, ALTER, CREATE …); not a parser.

export type TokenType = 'keyword' | 'ident' | 'string' | 'number' | 'comment' | 'punct' | 'word' | 'space';

export interface Token {
  type: TokenType;
  text: string;
}

const KEYWORDS = new Set(
  `ADD ADMIN ALL ALTER ANALYZE AND AS BEGIN BY CANCEL CASCADE CATALOG COMMIT CONNECT CONNECTION CREATE CREATEDB CREATEROLE
  CREATEUSER CURRENT DATABASE DATASHARE DEFAULT DEFAULT_PRIVILEGES DELETE DISABLE DROP EXECUTE EXPLAIN EXTERNAL EXTERNALID FOR
  FORCE FROM FUNCTION FUNCTIONS FUTURE GRANT GROUP IGNORE IN INSERT LIBRARY LIMIT LOGIN MASKING MODEL NOCREATEDB NOCREATEROLE
  NOCREATEUSER NOLOGIN NOSUPERUSER NULL OF ON OPTION OR OR OWNER PASSWORD PRIVILEGES PROCEDURE PROCEDURES PUBLIC REFERENCES
  RENAME REPLACE RESET RESTRICT RESTRICTED REVOKE RLS ROLE ROLLBACK SCHEMA SCHEMAS SELECT SEQUENCES SESSION SET SUPERUSER
  SYSLOG SYSTEM TABLE TABLES TEMP TEMPORARY TIMEOUT TO TRIGGER TRUNCATE TYPES UNLIMITED UNRESTRICTED UNTIL UPDATE USAGE USER
  VACUUM VALID VIEW WITH`.split(/\s+/),
);

/**
 * Splits sql into tokens; joining their text gives sql back unchanged.
 * backslashEscapes: Redshift literals escape with a backslash (PostgreSQL's
 * standard strings do not).
 */
export function tokenize(sql: string, backslashEscapes = false): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = sql.length;
  const push = (type: TokenType, end: number) => {
    out.push({ type, text: sql.slice(i, end) });
    i = end;
  };
  while (i < n) {
    const c = sql[i];
    if (/\s/.test(c)) {
      let j = i + 1;
      while (j < n && /\s/.test(sql[j])) j++;
      push('space', j);
    } else if (c === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      push('comment', j < 0 ? n : j);
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n) {
        if (c === "'" && backslashEscapes && sql[j] === '\\') {
          j += 2;
          continue;
        }
        if (sql[j] === c) {
          if (sql[j + 1] === c) {
            j += 2;
            continue;
          }
          j++;
          break;
        }
        j++;
      }
      push(c === "'" ? 'string' : 'ident', Math.min(j, n));
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9.]/.test(sql[j])) j++;
      push('number', j);
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(sql[j])) j++;
      const w = sql.slice(i, j);
      push(KEYWORDS.has(w.toUpperCase()) ? 'keyword' : 'word', j);
    } else {
      push('punct', i + 1);
    }
  }
  return out;
}
