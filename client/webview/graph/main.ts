/**
 * The dependency graph: SPECs as nodes coloured by chain state (errors red), their frontmatter
 * dependencies as edges (`blocks` drawn the other way, `related_specs` dashed), drawn by
 * cytoscape on a canvas. Clicking a SPEC opens it.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import type { SpecNode, SpecTreeResult } from '../../../server/src/protocol';
import type { ToGraph } from '../../src/sidebar/messages';
import { byId, el, host, onMessage } from '../shared/dom';
import { displayTitle } from '../specs/model';

const vscode = host<Record<string, never>>();
const container = byId('graph');
const status = byId('graph-status');
const legend = byId('graph-legend');
let cy: cytoscape.Core | undefined;

/** A theme colour of the page, resolved (cytoscape draws on a canvas and cannot read CSS variables). */
function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

type State = 'errors' | SpecNode['completeness'];
const stateOf = (spec: SpecNode): State => (spec.problems.errors > 0 ? 'errors' : spec.completeness);
const STATE_WORDS: Readonly<Record<State, string>> = { errors: 'has errors', complete: 'chain complete', partial: 'chain partial', none: 'no code yet' };

function elements(tree: SpecTreeResult): ElementDefinition[] {
  const ids = new Set(tree.specs.map((s) => s.id));
  const out: ElementDefinition[] = tree.specs.map((spec) => ({
    data: { id: spec.id, label: spec.id, title: displayTitle(spec), state: stateOf(spec), uri: spec.uri, line: spec.range.start.line },
  }));
  for (const spec of tree.specs) {
    for (const ref of spec.references ?? []) {
      if (!ids.has(ref.id) || ref.id === spec.id) continue;
      const [source, target] = ref.field === 'blocks' ? [ref.id, spec.id] : [spec.id, ref.id];
      out.push({ data: { id: `${spec.id}->${ref.field}->${ref.id}`, source, target, kind: ref.field === 'related_specs' ? 'related' : 'depends' } });
    }
  }
  return out;
}

function draw(tree: SpecTreeResult): void {
  const colours: Readonly<Record<State, string>> = {
    errors: themeColor('--vscode-errorForeground', '#f14c4c'),
    complete: themeColor('--vscode-testing-iconPassed', '#73c991'),
    partial: themeColor('--vscode-editorWarning-foreground', '#cca700'),
    none: themeColor('--vscode-disabledForeground', '#888888'),
  };
  const text = themeColor('--vscode-foreground', '#cccccc');
  const edge = themeColor('--vscode-editorLineNumber-foreground', '#858585');
  const focus = themeColor('--vscode-focusBorder', '#007fd4');
  legend.replaceChildren(
    ...(Object.keys(STATE_WORDS) as State[]).map((state) => el('span', `legend-item state-${state}`, STATE_WORDS[state])),
  );
  cy?.destroy();
  cy = cytoscape({
    container,
    elements: elements(tree),
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          color: text,
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          width: 18,
          height: 18,
          'background-color': (n: cytoscape.NodeSingular) => colours[n.data('state') as State],
        },
      },
      { selector: 'node:selected', style: { 'border-width': 2, 'border-color': focus } },
      { selector: 'edge', style: { width: 1.5, 'line-color': edge, 'target-arrow-color': edge, 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
      { selector: 'edge[kind = "related"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
    ],
    layout: { name: tree.specs.length > 300 ? 'grid' : 'cose', animate: false },
  });
  cy.on('tap', 'node', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    const line = Number(node.data('line'));
    vscode.postMessage({ type: 'open', uri: String(node.data('uri')), range: { start: { line, character: 0 }, end: { line, character: 0 } } });
  });
  const edges = cy.edges().length;
  status.textContent = `${tree.specs.length.toLocaleString('en-US')} SPECs, ${edges.toLocaleString('en-US')} dependencies. Click a SPEC to open it.`;
}

onMessage<ToGraph>((message) => {
  if (message.type === 'tree') draw(message.tree);
});

vscode.postMessage({ type: 'ready' });
