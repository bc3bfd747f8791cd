import type { ReactNode } from 'react';
import classes from '../catalog.module.css';

/** List on the left, detail on the right: the shape of every browsing tab. */
export function SplitView({ list, detail, listWidth = 'clamp(360px, 40%, 540px)' }: { list: ReactNode; detail: ReactNode; listWidth?: string }) {
  return (
    <div className={classes.split}>
      <div className={classes.listPane} style={{ width: listWidth, flexShrink: 0 }}>
        {list}
      </div>
      <div className={classes.detailPane}>{detail}</div>
    </div>
  );
}
