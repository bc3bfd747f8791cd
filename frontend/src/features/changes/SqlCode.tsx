import { Box } from '@mantine/core';
import { useMemo } from 'react';
import classes from './SqlCode.module.css';
import { tokenize } from './sqlTokens';

/** Highlighted, selectable SQL. */
export function SqlCode({ sql, backslashEscapes = false }: { sql: string; backslashEscapes?: boolean }) {
  const tokens = useMemo(() => tokenize(sql, backslashEscapes), [sql, backslashEscapes]);
  return (
    <Box component="pre" className={classes.code} data-testid="sql-code">
      {tokens.map((t, i) =>
        t.type === 'space' || t.type === 'word' || t.type === 'punct' ? (
          t.text
        ) : (
          <span key={i} className={classes[t.type]}>
            {t.text}
          </span>
        ),
      )}
    </Box>
  );
}
