// Opening the role graph from elsewhere (a principal's page, an effective
// access path): the graph tab, focused, with an optional path to highlight.
import type { PrincipalRef } from '../../api';
import { TAB_KEY, catalogFor } from '../catalog/store';

export const GRAPH_FOCUS = 'graph.focus';
export const GRAPH_PATH = 'graph.path';

/** Shows the graph around focus (null: the whole hierarchy), highlighting path when given. */
export function openGraph(sessionId: string, focus: PrincipalRef | null, path: PrincipalRef[] = []) {
  const s = catalogFor(sessionId);
  s.setUI<PrincipalRef | null>(GRAPH_FOCUS, focus);
  s.setUI<PrincipalRef[]>(GRAPH_PATH, path);
  s.setUI(TAB_KEY, 'graph');
}
