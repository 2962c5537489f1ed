/**
 * The dependency graph: SPECs as labelled boxes coloured by chain state (errors red), their
 * frontmatter dependencies as edges (`blocks` drawn the other way, `related_specs` dashed),
 * laid out in layers by dagre so that dependencies flow one way, left to right. The layout is
 * computed from the SPECs in ID order, so the same SPECs draw the same picture every time; a new
 * tree with the same SPECs and edges only recolours. A SPEC can be focused (it and its
 * neighbours), states filtered; a click opens the SPEC. A list of the SPECs shown, off screen,
 * gives keyboard and screen-reader users the same.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { SpecNode, SpecTreeResult } from '../../../server/src/protocol';
import type { ToGraph } from '../../src/sidebar/messages';
import { button, byId, el, host, onMessage } from '../shared/dom';
import { displayTitle } from '../specs/model';

cytoscape.use(dagre);

type State = 'errors' | SpecNode['completeness'];
const STATES: readonly State[] = ['errors', 'complete', 'partial', 'none'];
const STATE_WORDS: Readonly<Record<State, string>> = { errors: 'errors or broken links', complete: 'chain complete', partial: 'chain partial', none: 'no code yet' };
const stateOf = (spec: SpecNode): State => (spec.problems.errors > 0 || spec.problems.broken > 0 ? 'errors' : spec.completeness);

/** What the page keeps across reloads: the focused SPEC and the states shown. */
interface Saved {
  focus: string | null;
  states: State[];
}

const vscode = host<Saved>();
const saved = vscode.getState();
const view: Saved = { focus: saved?.focus ?? null, states: saved?.states?.filter((s) => STATES.includes(s)) ?? [] };

const container = byId('graph');
const status = byId('graph-status');
const toolbar = byId('graph-toolbar');
const list = byId<HTMLUListElement>('graph-list');
let cy: cytoscape.Core | undefined;
/** The SPECs and edges the current layout was made for. */
let shape = '';
let specs: readonly SpecNode[] = [];
/** Frontmatter references (`depends_on`, `related_specs`, …) to SPECs the workspace does not have: no box to draw them to. */
let unknownReferences = 0;
/** The smallest zoom whose labels can still be read (11 px text at 0.7 is about 8 px). */
const MIN_ZOOM = 0.7;

/** A theme colour of the page, resolved (cytoscape draws on a canvas and cannot read CSS variables). */
function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

const FONT_SIZE = 11;
const measure = document.createElement('canvas').getContext('2d');

/** The width of a box that holds `label`: measured in the page's font, so that dagre spaces boxes by their real size. */
function boxWidth(label: string): number {
  if (measure) measure.font = `${FONT_SIZE}px ${themeColor('--vscode-font-family', 'sans-serif')}`;
  return Math.ceil((measure?.measureText(label).width ?? label.length * 7) + 16);
}

/** Nodes in ID order and edges in ID order: dagre then lays out the same input the same way. */
function elements(tree: SpecTreeResult): ElementDefinition[] {
  const sorted = [...tree.specs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = new Set(sorted.map((s) => s.id));
  const nodes: ElementDefinition[] = sorted.map((spec) => ({
    data: { id: spec.id, label: spec.id, w: boxWidth(spec.id), title: displayTitle(spec), state: stateOf(spec), uri: spec.uri, line: spec.range.start.line },
  }));
  const edges = new Map<string, ElementDefinition>();
  for (const spec of sorted) {
    for (const ref of spec.references ?? []) {
      if (!ids.has(ref.id) || ref.id === spec.id) continue;
      // A dependency points from the SPEC to what it needs; `blocks` says the same the other way round.
      const [source, target] = ref.field === 'blocks' ? [ref.id, spec.id] : [spec.id, ref.id];
      const kind = ref.field === 'related_specs' ? 'related' : 'depends';
      const id = `${source}->${kind}->${target}`;
      if (!edges.has(id)) edges.set(id, { data: { id, source, target, kind } });
    }
  }
  return [...nodes, ...[...edges.values()].sort((a, b) => (a.data.id! < b.data.id! ? -1 : 1))];
}

function signature(els: readonly ElementDefinition[]): string {
  return els.map((e) => e.data.id).join('\n');
}

function colours(): Readonly<Record<State, string>> {
  return {
    errors: themeColor('--vscode-errorForeground', '#f14c4c'),
    complete: themeColor('--vscode-testing-iconPassed', '#73c991'),
    partial: themeColor('--vscode-editorWarning-foreground', '#cca700'),
    none: themeColor('--vscode-disabledForeground', '#888888'),
  };
}

function create(els: ElementDefinition[]): cytoscape.Core {
  const fill = colours();
  const text = themeColor('--vscode-foreground', '#cccccc');
  const background = themeColor('--vscode-editor-background', '#1e1e1e');
  const edge = themeColor('--vscode-editorLineNumber-foreground', '#858585');
  const focus = themeColor('--vscode-focusBorder', '#007fd4');
  const font = themeColor('--vscode-font-family', 'sans-serif');
  const core = cytoscape({
    container,
    elements: els,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: true,
    style: [
      {
        // The label sits inside its box and the box is as wide as the label: dagre spaces boxes, so labels never overlap.
        selector: 'node',
        style: {
          shape: 'round-rectangle',
          label: 'data(label)',
          color: text,
          'font-family': font,
          'font-size': FONT_SIZE,
          'text-valign': 'center',
          'text-halign': 'center',
          width: 'data(w)',
          height: 22,
          'background-color': background,
          'border-width': 2,
          'border-color': (n: cytoscape.NodeSingular) => fill[n.data('state') as State],
        },
      },
      { selector: 'node.focused', style: { 'border-width': 3, 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'overlay-color': focus, 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
      { selector: 'edge', style: { width: 1.2, 'line-color': edge, 'target-arrow-color': edge, 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 } },
      { selector: 'edge[kind = "related"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
    layout: { name: 'preset' },
  });
  core.on('tap', 'node', (event) => open(event.target as cytoscape.NodeSingular));
  core.on('mouseover', 'node', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    const title = String(node.data('title') ?? '');
    container.title = `${node.id()}${title ? `: ${title}` : ''} (${STATE_WORDS[node.data('state') as State]})`;
  });
  core.on('mouseout', 'node', () => (container.title = ''));
  return core;
}

function open(node: cytoscape.NodeSingular): void {
  const line = Number(node.data('line'));
  cy?.nodes().unselect();
  node.select();
  vscode.postMessage({ type: 'open', uri: String(node.data('uri')), range: { start: { line, character: 0 }, end: { line, character: 0 } }, toSide: true });
}

/** Shows the focused SPEC with its neighbours (or every SPEC), of the states picked, and lays them out in layers. */
function apply(): void {
  const core = cy;
  if (!core) return;
  const focused = view.focus !== null ? core.getElementById(view.focus) : undefined;
  if (focused && focused.empty()) view.focus = null;
  const near = view.focus !== null && focused ? focused.closedNeighborhood() : core.elements();
  core.batch(() => {
    core.elements().removeClass('hidden focused');
    core.nodes().forEach((n) => {
      const shown = near.contains(n) && (view.states.length === 0 || view.states.includes(n.data('state') as State) || n.id() === view.focus);
      if (!shown) n.addClass('hidden');
    });
    if (view.focus !== null) core.getElementById(view.focus).addClass('focused');
  });
  const visible = core.elements().not('.hidden').filter((e) => !e.isEdge() || (!e.source().hasClass('hidden') && !e.target().hasClass('hidden')));
  // Layers come from dependencies only: a `related_specs` line goes either way and would fold them.
  const layered = visible.filter((e) => !e.isEdge() || e.data('kind') === 'depends');
  const edges = layered.edges();
  const linked = edges.connectedNodes().intersection(layered.nodes());
  const alone = layered.nodes().not(linked);
  if (linked.nonempty()) linked.union(edges).layout({ name: 'dagre', rankDir: 'LR', nodeSep: 8, rankSep: 80, edgeSep: 4, ranker: 'network-simplex', fit: false, animate: false } as cytoscape.LayoutOptions).run();
  if (alone.nonempty()) gridBelow(alone, linked);
  core.resize();
  core.fit(visible, 24);
  // A few boxes are not blown up past a readable size.
  if (core.zoom() > 1.5) {
    core.zoom(1.5);
    core.center(visible);
  }
  // Nor are many shrunk below it: the picture starts at the focused SPEC (or the first layer), and is dragged for the rest.
  const cut = core.zoom() < MIN_ZOOM;
  if (cut) {
    core.zoom(MIN_ZOOM);
    const focused = view.focus !== null ? core.getElementById(view.focus) : undefined;
    if (focused?.nonempty()) core.center(focused);
    else {
      const box = visible.boundingBox({});
      core.pan({ x: 24 - box.x1 * MIN_ZOOM, y: 24 - box.y1 * MIN_ZOOM });
    }
  }
  vscode.setState(view);
  describe(visible.nodes().length, visible.edges().length, cut);
  renderList();
  renderToolbar();
}

/** The gap between boxes of the grid. */
const GRID_GAP = { x: 16, y: 10 };

/**
 * SPECs with no dependency either way, in a grid under the layers (by ID, so that the picture is
 * the same every time), as wide as the view is tall in proportion: in one dagre rank they made a
 * single column that shrank every box to unreadable on a hundred SPECs.
 */
function gridBelow(alone: cytoscape.NodeCollection, layered: cytoscape.NodeCollection): void {
  const nodes = alone.sort((a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0));
  const cellW = Math.max(...nodes.map((n) => Number(n.data('w')))) + GRID_GAP.x;
  const cellH = 22 + GRID_GAP.y;
  const box = layered.nonempty() ? layered.boundingBox({}) : { x1: 0, y2: -GRID_GAP.y * 3, w: 0 };
  const aspect = Math.max(0.5, container.clientWidth / Math.max(1, container.clientHeight));
  const byShape = Math.ceil(Math.sqrt((nodes.length * aspect * cellH) / cellW));
  const cols = Math.max(1, Math.min(nodes.length, Math.max(byShape, Math.floor(box.w / cellW))));
  nodes.forEach((n, i) => {
    n.position({ x: box.x1 + (i % cols) * cellW + cellW / 2, y: box.y2 + GRID_GAP.y * 3 + Math.floor(i / cols) * cellH + cellH / 2 });
  });
}

function describe(nodes: number, edges: number, cut: boolean): void {
  const total = specs.length;
  const what = nodes === total ? `${total.toLocaleString('en-US')} SPECs` : `${nodes.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} SPECs`;
  // References to SPECs the workspace does not have are drawn nowhere: counted here (Problems lists them).
  const unknown = unknownReferences === 0 ? '' : `; ${unknownReferences.toLocaleString('en-US')} ${unknownReferences === 1 ? 'reference names a SPEC' : 'references name SPECs'} the workspace does not have`;
  const more = cut ? ' Drag the picture or scroll to zoom for the rest.' : '';
  status.textContent = `${what}, ${edges.toLocaleString('en-US')} ${edges === 1 ? 'dependency' : 'dependencies'}${view.focus !== null ? ` around ${view.focus}` : ''}${unknown}. Click a SPEC to open it.${more}`;
}

/** The SPECs shown as a list of buttons, for the keyboard and screen readers; each carries where its box is drawn. */
function renderList(): void {
  const core = cy;
  if (!core) return;
  list.replaceChildren();
  core.nodes().not('.hidden').forEach((n) => {
    const item = el('li');
    const title = String(n.data('title') ?? '');
    const b = button('graph-node', undefined, `${n.id()}${title ? `: ${title}` : ''}, ${STATE_WORDS[n.data('state') as State]}`, () => open(n));
    const at = n.renderedPosition();
    b.dataset.id = n.id();
    b.dataset.x = String(Math.round(at.x));
    b.dataset.y = String(Math.round(at.y));
    b.dataset.w = String(Math.round(n.renderedOuterWidth()));
    b.dataset.h = String(Math.round(n.renderedOuterHeight()));
    item.append(b);
    list.append(item);
  });
}

function renderToolbar(): void {
  toolbar.replaceChildren();
  const input = el('input', 'graph-focus');
  input.type = 'search';
  input.placeholder = 'Focus on a SPEC';
  input.setAttribute('aria-label', 'Focus on a SPEC and its neighbours');
  input.setAttribute('list', 'graph-ids');
  input.value = view.focus ?? '';
  const ids = el('datalist');
  ids.id = 'graph-ids';
  for (const spec of specs) {
    const option = el('option');
    option.value = spec.id;
    ids.append(option);
  }
  input.addEventListener('change', () => {
    const id = input.value.trim();
    view.focus = id === '' ? null : (specs.find((s) => s.id.toLowerCase() === id.toLowerCase())?.id ?? null);
    apply();
  });
  const states = el('div', 'graph-states');
  states.setAttribute('role', 'group');
  states.setAttribute('aria-label', 'Show SPECs in these states');
  for (const state of STATES) {
    const label = el('label', `legend-item state-${state}`);
    const box = el('input');
    box.type = 'checkbox';
    box.checked = view.states.length === 0 || view.states.includes(state);
    box.addEventListener('change', () => {
      const picked = STATES.filter((s) => (s === state ? box.checked : view.states.length === 0 || view.states.includes(s)));
      view.states = picked.length === STATES.length ? [] : picked;
      apply();
    });
    label.append(box, document.createTextNode(STATE_WORDS[state]));
    states.append(label);
  }
  const reset = button('link', 'clear-all', 'Show all', () => {
    view.focus = null;
    view.states = [];
    apply();
  });
  reset.disabled = view.focus === null && view.states.length === 0;
  toolbar.append(input, ids, states, reset);
}

function draw(tree: SpecTreeResult): void {
  specs = tree.specs;
  const known = new Set(tree.specs.map((spec) => spec.id));
  unknownReferences = tree.specs.reduce((n, spec) => n + (spec.references ?? []).filter((ref) => !known.has(ref.id)).length, 0);
  const els = elements(tree);
  const next = signature(els);
  if (cy && next === shape) {
    // The same SPECs and edges: recolour and keep the picture (no new layout, no jump).
    const core = cy;
    core.batch(() => {
      for (const e of els) if (!e.data.source) core.getElementById(e.data.id!).data(e.data);
    });
    renderList();
    return;
  }
  shape = next;
  cy?.destroy();
  cy = create(els);
  apply();
}

// The container's size decides where a click lands on the canvas: tell cytoscape whenever it changes.
new ResizeObserver(() => {
  cy?.resize();
  renderList();
}).observe(container);

onMessage<ToGraph>((message) => {
  if (message.type === 'tree') draw(message.tree);
});

vscode.postMessage({ type: 'ready' });
