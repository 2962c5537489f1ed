/**
 * The SPECs view: an accessible tree of SPECs and their chains, with a text filter, status and
 * chain-state filters picked in the view's title bar, keyboard navigation as in a native tree
 * (arrows, Home/End, type-to-jump, `*`), VS Code context menus through `data-vscode-context`,
 * honest indexing and empty states.
 */
import type { BrokenLinkNode, EndpointNode, MxRefNode, ReqDeclNode, ReqNode, RowMenuContext, SpecNode, SpecTreeResult, TagNode } from '../../../server/src/protocol';
import type { ChainFilter, SpecFilter, ToSpecs } from '../../src/sidebar/messages';
import { button, byId, el, host, icon, onMessage } from '../shared/dom';
import { brokenGroups, brokenMatches, byFile, chainStages, displayTitle, evidenceBadge, reqCoverage, rowBadge, rowContexts, shownText, specMatches, tagText, typeToJump, type BrokenGroup, type FileGroup, type Stage } from './model';

interface State {
  expanded: string[];
  filter: SpecFilter;
  selected: string | null;
  focused: string | null;
}

/** One row of the tree. Children are built only when the row is expanded. */
interface Node {
  readonly key: string;
  readonly level: number;
  readonly label: string;
  readonly description?: string;
  readonly icon: string;
  readonly iconClass?: string;
  readonly rowClass?: string;
  /** `title`: what the badge counts, in words (its tooltip). */
  readonly badge?: { readonly text: string; readonly className?: string; readonly title?: string };
  /** Hover text: the full label, path and line. */
  readonly tooltip: string;
  /** What a screen reader hears after the row's visible text. */
  readonly spoken: string;
  readonly children?: () => Node[];
  readonly open?: { readonly uri: string; readonly range: TagNode['range'] };
  /** The SPEC the row belongs to; none for the rows of unknown SPECs. */
  readonly spec?: SpecNode;
  /** `data-vscode-context` of the row, for the `webview/context` menu (its commands' argument, `COMMAND_ARGUMENTS`). */
  readonly context?: RowMenuContext;
}

const vscode = host<State>();
const saved = vscode.getState();
const state: State = {
  expanded: saved?.expanded ?? [],
  filter: { text: saved?.filter?.text ?? '', statuses: saved?.filter?.statuses ?? [], chains: saved?.filter?.chains ?? [] },
  selected: saved?.selected ?? null,
  focused: saved?.focused ?? null,
};
const expanded = new Set(state.expanded);

let tree: SpecTreeResult | null = null;
let trusted = true;
/** The index being read (with its file count once known), or null when it is ready. */
let indexing: { readonly files?: number } | null = null;
const indexingText = (i: { readonly files?: number }): string => (i.files !== undefined ? `Indexing ${i.files.toLocaleString('en-US')} files…` : 'Indexing…');
let serverState: { state: string; message?: string } = { state: 'starting' };
let pendingReveal: Extract<ToSpecs, { type: 'reveal' }> | null = null;

const treeEl = byId<HTMLUListElement>('tree');
const filterEl = byId<HTMLInputElement>('filter');
const emptyEl = byId('tree-empty');
const statusEl = byId('server-status');
const chipsEl = byId('filter-chips');
const progressEl = byId('progress');
const nodes = new Map<string, Node>();

function save(): void {
  state.expanded = [...expanded];
  vscode.setState(state);
}

// ---- Building nodes ------------------------------------------------------------------------

const STAGE_ICONS: Readonly<Record<string, string>> = {
  API: 'symbol-interface',
  DB: 'database',
  SERVICE: 'server-process',
  MIDDLEWARE: 'layers',
  CODE: 'code',
  TEST: 'beaker',
  DOC: 'book',
};

const lineOf = (t: TagNode): number => t.range.start.line + 1;
const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const dirname = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A tag as a leaf row: the marker's text, its line, and where it was borrowed from. */
function tagNode(spec: SpecNode, t: TagNode, key: string, level: number, fileShown: boolean): Node {
  const where = `${t.path}:${lineOf(t)}`;
  const borrowed = t.borrowed ? ' · borrowed' : '';
  const label = fileShown ? tagText(t) : `${basename(t.path)}:${lineOf(t)}`;
  const description = fileShown ? `line ${lineOf(t)}${borrowed}` : `${dirname(t.path)}${borrowed}`;
  return {
    key,
    level,
    label,
    description,
    icon: t.borrowed ? 'references' : t.role === 'mention' ? 'mention' : 'tag',
    ...(t.borrowed ? { iconClass: 'borrowed' } : {}),
    tooltip: `${tagText(t)}\n${where}${t.borrowed ? "\nBorrowed: another SPEC's marker that this SPEC declares in its chain" : ''}`,
    spoken: `${tagText(t)} in ${t.path} line ${lineOf(t)}${t.borrowed ? ", borrowed from another SPEC's chain" : ''}`,
    open: { uri: t.uri, range: t.range },
    spec,
    context: rowContexts.tag(spec, t),
  };
}

/** A file of a stage: one row per file, its tags beneath, or the tag itself when it is the only one. */
function fileNode(spec: SpecNode, file: FileGroup, keyPrefix: string, level: number): Node {
  const only = file.tags.length === 1 ? file.tags[0] : undefined;
  if (only) return tagNode(spec, only, `${keyPrefix}:${file.path}:${lineOf(only)}`, level, false);
  const key = `${keyPrefix}:${file.path}`;
  return {
    key,
    level,
    label: basename(file.path),
    description: dirname(file.path),
    icon: 'file',
    badge: { text: String(file.tags.length) },
    tooltip: `${file.path}\n${plural(file.tags.length, 'marker')}`,
    spoken: `${plural(file.tags.length, 'marker')} in ${file.path}`,
    spec,
    children: () => file.tags.map((t) => tagNode(spec, t, `${key}:${lineOf(t)}`, level + 1, true)),
  };
}

function stageNode(spec: SpecNode, stage: Stage, index: number): Node {
  const stageIcon = STAGE_ICONS[stage.type] ?? 'tag';
  if (stage.kind === 'missing') {
    // Painted with the severity Problems shows for this gap, so that tree and Problems agree.
    const severity = spec.gaps[stage.gap];
    const look = severity === 'error' ? { icon: 'error', cls: 'broken' } : severity === 'warning' ? { icon: 'warning', cls: 'warned' } : { icon: 'circle-large-outline', cls: 'muted' };
    const text = stage.declared ?? 'missing';
    const reported = severity ? `\nProblems: ${severity === 'info' ? 'an info' : `a ${severity}`}` : '';
    return {
      key: `slot:${spec.id}:${stage.type}:${index}`,
      level: 2,
      label: stage.type || 'link',
      description: text,
      icon: look.icon,
      iconClass: look.cls,
      rowClass: `slot${severity === 'error' ? ' broken' : ''}`,
      tooltip: `${stage.type} missing: ${stage.reason}${stage.declared ? ` (${stage.declared})` : ''}${reported}`,
      spoken: `missing link: ${stage.reason}${severity === 'error' || severity === 'warning' ? `, reported as ${severity === 'error' ? 'an error' : 'a warning'}` : ''}`,
      spec,
    };
  }
  const key = `stage:${spec.id}:${stage.type}`;
  return {
    key,
    level: 2,
    label: stage.type,
    icon: stageIcon,
    badge: { text: String(stage.count) },
    tooltip: `${stage.type}: ${plural(stage.count, 'marker')} in ${plural(stage.files.length, 'file')}`,
    spoken: `${plural(stage.count, 'marker')} in ${plural(stage.files.length, 'file')}`,
    spec,
    children: () => stage.files.map((f) => fileNode(spec, f, `file:${spec.id}:${stage.type}`, 3)),
  };
}

/** An `@MX` line's ID as a leaf: where it is (file and line) and what it names. */
function mxRefNode(spec: SpecNode | undefined, ref: MxRefNode, key: string, level: number, kind: 'code' | 'test' | 'broken'): Node {
  const where = `${ref.path}:${ref.range.start.line + 1}`;
  return {
    key,
    level,
    label: `${basename(ref.path)}:${ref.range.start.line + 1}`,
    description: `${ref.id} · ${dirname(ref.path)}`,
    icon: kind === 'broken' ? 'warning' : kind === 'test' ? 'beaker' : 'code',
    ...(kind === 'broken' ? { iconClass: 'broken', rowClass: 'slot broken' } : {}),
    tooltip: `${ref.id}\n${where}${kind === 'broken' ? '\nNames nothing that is declared' : ''}`,
    spoken: `${kind === 'broken' ? 'broken reference' : `${kind} reference`} ${ref.id} in ${where}`,
    open: { uri: ref.uri, range: ref.range },
    ...(spec ? { spec, context: rowContexts.mxRef(spec, ref) } : {}),
  };
}

function acNode(spec: SpecNode, ac: ReqDeclNode, key: string, level: number): Node {
  return {
    key,
    level,
    label: ac.id,
    description: ac.text,
    icon: 'checklist',
    tooltip: `${ac.id}: ${ac.text}\n${ac.path}:${ac.range.start.line + 1}`,
    spoken: `acceptance criterion in ${ac.path} line ${ac.range.start.line + 1}`,
    open: { uri: ac.uri, range: ac.range },
    spec,
  };
}

/** A REQ of an `@MX` SPEC: its code and test references and the ACs mapping it, a slot where one is missing. */
function reqNode(spec: SpecNode, req: ReqNode): Node {
  const key = `req:${spec.id}:${req.id}`;
  const c = reqCoverage(req);
  const tests = evidenceBadge(req.evidence);
  const groups = (): Node[] => {
    const out: Node[] = [];
    for (const [name, refs, kind, stageIcon] of [['Code', req.code, 'code', 'code'], ['Tests', req.tests, 'test', 'beaker']] as const) {
      if (refs.length === 0) {
        out.push({ key: `${key}:${kind}:slot`, level: 3, label: name, description: 'missing', icon: 'circle-large-outline', iconClass: 'muted', rowClass: 'slot', tooltip: `No @MX line of ${kind === 'code' ? 'code' : 'a test'} names ${req.id}`, spoken: 'missing link', spec });
        continue;
      }
      out.push({
        key: `${key}:${kind}`,
        level: 3,
        label: name,
        icon: stageIcon,
        badge: { text: String(refs.length) },
        tooltip: `${plural(refs.length, 'reference')} to ${req.id}`,
        spoken: plural(refs.length, 'reference'),
        spec,
        children: () => refs.map((r, i) => mxRefNode(spec, r, `${key}:${kind}:${i}`, 4, kind)),
      });
    }
    req.acs.forEach((ac, i) => out.push(acNode(spec, ac, `${key}:ac:${i}`, 3)));
    return out;
  };
  return {
    key,
    level: 2,
    label: req.id,
    ...(req.text ? { description: req.text } : {}),
    icon: 'symbol-key',
    badge: { text: `${c.present}/${c.expected}${tests ? ` · ${tests.text}` : ''}`, ...(tests?.alarm ? { className: 'broken' } : {}) },
    tooltip: `${req.id}${req.text ? `: ${req.text}` : ''}\n${req.path}:${req.range.start.line + 1}\ncode ${req.code.length} · tests ${req.tests.length} · ACs ${req.acs.length}${tests ? `\n${tests.words}` : ''}`,
    spoken: `${c.present} of ${c.expected} covered: code ${req.code.length}, tests ${req.tests.length}, acceptance criteria ${req.acs.length}`,
    open: { uri: req.uri, range: req.range },
    spec,
    children: groups,
  };
}

/** The `@MX` side of a SPEC below its REQs: lines naming only the SPEC, and IDs it does not declare. */
function mxGroups(spec: SpecNode): Node[] {
  const mx = spec.mx;
  if (!mx) return [];
  const out = mx.reqs.map((r) => reqNode(spec, r));
  const group = (key: string, label: string, refs: readonly MxRefNode[], broken: boolean): Node => ({
    key,
    level: 2,
    label,
    icon: broken ? 'warning' : 'link',
    ...(broken ? { iconClass: 'broken' } : {}),
    badge: { text: String(refs.length), ...(broken ? { className: 'broken' } : {}) },
    tooltip: broken ? 'REQ or AC IDs on lines naming this SPEC that it does not declare' : '@MX lines that name the SPEC and none of its REQs',
    spoken: plural(refs.length, 'reference'),
    spec,
    children: () => refs.map((r, i) => mxRefNode(spec, r, `${key}:${i}`, 3, broken ? 'broken' : r.test ? 'test' : 'code')),
  });
  if (mx.specRefs.length > 0) out.push(group(`mxspec:${spec.id}`, 'Linked to the SPEC, no REQ', mx.specRefs, false));
  if (mx.broken.length > 0) out.push(group(`mxbroken:${spec.id}`, 'Broken references', mx.broken, true));
  return out;
}

/** The chain's API level: each endpoint the SPEC names with the handler serving it, or "no route found". */
function endpointsNode(spec: SpecNode, endpoints: readonly EndpointNode[]): Node {
  const key = `endpoints:${spec.id}`;
  const served = endpoints.filter((e) => e.handlers.length > 0).length;
  return {
    key,
    level: 2,
    label: 'Endpoints',
    icon: 'symbol-interface',
    badge: { text: `${served}/${endpoints.length}`, ...(served < endpoints.length ? { className: 'broken' } : {}) },
    tooltip: `${served} of ${plural(endpoints.length, 'endpoint')} the SPEC names have a route in the code`,
    spoken: `${served} of ${plural(endpoints.length, 'endpoint')} served`,
    spec,
    children: () =>
      endpoints.map((e, i): Node => {
        const first = e.handlers[0];
        const where = first ? `${first.path}:${first.range.start.line + 1}` : 'no route found';
        return {
          key: `${key}:${i}`,
          level: 3,
          label: `${e.method} ${e.endpoint}`,
          description: first ? `${first.handler ?? where}${e.handlers.length > 1 ? ` +${e.handlers.length - 1}` : ''}` : 'no route found',
          icon: first ? 'symbol-method' : 'circle-large-outline',
          ...(first ? {} : { iconClass: 'muted', rowClass: 'slot' }),
          tooltip: `${e.method} ${e.endpoint}${e.req ? ` (${e.req})` : ''}\n${first ? e.handlers.map((h) => `${h.method} ${h.route} · ${h.framework} · ${h.path}:${h.range.start.line + 1}${h.static ? '' : ' (prefix not static)'}${h.tests.length ? ` · tests: ${h.tests.map((t) => t.path).join(', ')}` : ''}`).join('\n') : 'No route in the code serves it'}`,
          spoken: first ? `served by ${where}` : 'no route found',
          open: first ? { uri: first.uri, range: first.range } : { uri: e.uri, range: e.range },
          spec,
        };
      }),
  };
}

function mentionsNode(spec: SpecNode, mentions: readonly TagNode[]): Node {
  const key = `mentions:${spec.id}`;
  return {
    key,
    level: 2,
    label: 'Mentions',
    description: 'quoted, not claimed',
    icon: 'mention',
    rowClass: 'muted',
    badge: { text: String(mentions.length) },
    tooltip: `${plural(mentions.length, 'marker')} quote this SPEC's tags in strings or prose; they do not count towards the chain`,
    spoken: `${plural(mentions.length, 'marker')} that quote this SPEC without claiming it`,
    spec,
    children: () => byFile(mentions).map((f) => fileNode(spec, f, `mfile:${spec.id}`, 3)),
  };
}

const CHAIN_WORDS: Readonly<Record<SpecNode['completeness'], string>> = { complete: 'chain complete', partial: 'chain partial', none: 'no code yet' };

/** One status glyph for a SPEC: errors first, then warnings, then the chain's state. */
function specGlyph(spec: SpecNode): { readonly icon: string; readonly cls: string; readonly meaning: string } {
  if (spec.problems.errors > 0) return { icon: 'error', cls: 'broken', meaning: `${plural(spec.problems.errors, 'error')} in the SPEC document` };
  if (spec.problems.broken > 0) return { icon: 'warning', cls: 'warned', meaning: `${plural(spec.problems.broken, 'broken link')} of the SPEC` };
  if (spec.problems.warnings > 0) return { icon: 'warning', cls: 'warned', meaning: `${plural(spec.problems.warnings, 'warning')} in the SPEC document` };
  if (spec.completeness === 'complete') return { icon: 'pass-filled', cls: 'complete', meaning: CHAIN_WORDS.complete };
  if (spec.completeness === 'partial') return { icon: 'pie-chart', cls: 'partial', meaning: CHAIN_WORDS.partial };
  return { icon: 'circle-large-outline', cls: 'none', meaning: CHAIN_WORDS.none };
}

function specNode(spec: SpecNode): Node {
  const glyph = specGlyph(spec);
  const title = displayTitle(spec);
  const badge = rowBadge(spec);
  return {
    key: `spec:${spec.id}`,
    level: 1,
    label: spec.id,
    description: title,
    icon: glyph.icon,
    iconClass: glyph.cls,
    badge: { text: badge.text, className: badge.alarm ? 'broken' : '', title: badge.words },
    tooltip: `${spec.id}${title ? `: ${title}` : ''}\nStatus: ${spec.status} · ${CHAIN_WORDS[spec.completeness]}\n${glyph.meaning === CHAIN_WORDS[spec.completeness] ? '' : `${glyph.meaning}\n`}${badge.words}\n${spec.path}:${spec.range.start.line + 1}`,
    spoken: `${spec.status}, ${glyph.meaning}, ${badge.words}`,
    open: { uri: spec.uri, range: spec.range },
    spec,
    context: rowContexts.spec(spec),
    children: () => {
      const out: Node[] = mxGroups(spec);
      // An @MX SPEC without @TYPE:ID markers has its chain at the REQ level only.
      if (!spec.mx || spec.tags.length > 0 || spec.missing.length > 0) out.push(...chainStages(spec).map((s, i) => stageNode(spec, s, i)));
      if (spec.endpoints && spec.endpoints.length > 0) out.push(endpointsNode(spec, spec.endpoints));
      if (spec.mentions && spec.mentions.length > 0) out.push(mentionsNode(spec, spec.mentions));
      return out;
    },
  };
}

const BROKEN_KINDS: Readonly<Record<string, string>> = {
  'tag/unknown-spec': 'no such SPEC',
  'tag/broken-path': 'no such file',
  'mx/unknown-spec': 'no such SPEC',
  'mx/unknown-req': 'REQ/AC not declared',
  'spec/unknown-dependency': 'no such SPEC',
  'spec/ac-unknown-req': 'REQ not declared',
};

/** A broken link as a leaf: its file and line, the SPEC it belongs to, with the row's context menu. */
function brokenLeaf(link: BrokenLinkNode, key: string): Node {
  const where = `${link.path}:${link.range.start.line + 1}`;
  return {
    key,
    level: 3,
    label: `${basename(link.path)}:${link.range.start.line + 1}`,
    description: dirname(link.path),
    icon: link.severity === 'error' ? 'error' : 'warning',
    iconClass: link.severity === 'error' ? 'broken' : 'warned',
    tooltip: `${link.message}\n${where} · ${link.code}${link.fixable ? '\nA quick fix is offered (right-click)' : ''}`,
    spoken: `${link.severity}: ${link.message}`,
    open: { uri: link.uri, range: link.range },
    context: rowContexts.broken(link),
  };
}

function brokenIdNode(group: BrokenGroup): Node {
  const key = `broken:${group.id}`;
  const kinds = [...new Set(group.links.map((l) => BROKEN_KINDS[l.code] ?? l.code))].join(', ');
  return {
    key,
    level: 2,
    label: group.id,
    description: kinds,
    icon: group.severity === 'error' ? 'error' : 'warning',
    iconClass: group.severity === 'error' ? 'broken' : 'warned',
    badge: { text: String(group.links.length), className: group.severity === 'error' ? 'broken' : '' },
    tooltip: `${group.id}: ${kinds}\n${plural(group.links.length, 'broken link')}`,
    spoken: `${plural(group.links.length, 'broken link')} to ${group.id}, ${kinds}`,
    context: rowContexts.brokenId(group.id),
    children: () => group.links.map((l, i) => brokenLeaf(l, `${key}:${i}`)),
  };
}

/**
 * Every broken link of the workspace, both dialects, by what it names then by file: the
 * status bar's and the badge's count, below the SPECs.
 */
function brokenLinksNode(links: readonly BrokenLinkNode[]): Node {
  const groups = brokenGroups(links);
  const errors = links.some((l) => l.severity === 'error');
  return {
    key: 'broken',
    level: 1,
    label: 'Broken links',
    description: `${plural(groups.length, 'ID')}`,
    icon: errors ? 'error' : 'warning',
    iconClass: errors ? 'broken' : 'warned',
    badge: { text: String(links.length), className: 'broken' },
    tooltip: `${plural(links.length, 'broken link')}: references to a SPEC, REQ, AC or file the workspace does not have`,
    spoken: `${plural(links.length, 'broken link')} to ${plural(groups.length, 'ID')}`,
    children: () => groups.map(brokenIdNode),
  };
}

// ---- Rendering -----------------------------------------------------------------------------

function rowFor(node: Node, expandable: boolean): HTMLDivElement {
  const row = el('div', `row level-${Math.min(node.level, 6)}${node.rowClass ? ` ${node.rowClass}` : ''}`);
  row.title = node.tooltip;
  const twistie = icon(expandable ? (expanded.has(node.key) ? 'chevron-down' : 'chevron-right') : 'blank');
  twistie.classList.add('twistie');
  const glyph = icon(node.icon);
  glyph.classList.add('glyph');
  if (node.iconClass) glyph.classList.add(node.iconClass);
  row.append(twistie, glyph, el('span', 'label', node.label));
  if (node.description) row.append(el('span', 'description', node.description));
  if (node.badge) {
    const badge = el('span', `badge${node.badge.className ? ` ${node.badge.className}` : ''}`);
    if (node.badge.title) badge.title = node.badge.title;
    // In a narrow sidebar only the badge's first count stays ("0/3" of "REQs 0/3 · +5 @MX"):
    // its words give way so that the SPEC's ID keeps its room; the tooltip says them all.
    const text = node.badge.text;
    const count = /\d+(?:\/\d+)?/.exec(text);
    const at = count?.index ?? 0;
    const end = count ? at + count[0].length : text.length;
    if (at > 0) badge.append(el('span', 'badge-word', text.slice(0, at)));
    badge.append(document.createTextNode(text.slice(at, end)));
    if (end < text.length) badge.append(el('span', 'badge-word', text.slice(end)));
    row.append(badge);
  }
  return row;
}

/**
 * Appends a row and, when it is expanded, its descendants: a flat list of tree items as VS Code's
 * own trees have, so that focus and selection mark one row and never a subtree.
 */
function renderNode(node: Node, setSize: number, index: number, parent: string | null): void {
  const li = el('li', 'treeitem');
  li.setAttribute('role', 'treeitem');
  li.setAttribute('aria-level', String(node.level));
  li.setAttribute('aria-setsize', String(setSize));
  li.setAttribute('aria-posinset', String(index + 1));
  li.dataset.key = node.key;
  if (parent !== null) li.dataset.parent = parent;
  if (node.context) li.dataset.vscodeContext = JSON.stringify(node.context);
  li.tabIndex = -1;
  const children = node.children ? node.children() : [];
  const expandable = children.length > 0;
  if (expandable) li.setAttribute('aria-expanded', String(expanded.has(node.key)));
  const specId = node.spec?.id;
  const selected = specId !== undefined && state.selected === specId && (node.level === 1 || state.focused === node.key);
  li.setAttribute('aria-selected', String(selected));
  const row = rowFor(node, expandable);
  // What the row means beyond its visible text, for screen readers only.
  row.append(el('span', 'sr-only', `, ${node.spoken}`));
  li.append(row);
  nodes.set(node.key, node);
  treeEl.append(li);
  if (expandable && expanded.has(node.key)) children.forEach((child, i) => renderNode(child, children.length, i, node.key));
}

/** The rows of the IDs that broken links name, under "Broken links": IDs with a badge, as SPEC rows are. */
const BROKEN_ID_ROWS = '[aria-level="2"][data-key^="broken:"] > .row';

/**
 * A SPEC row (or a broken-link ID row) whose ID does not fit drops, in turn, its title and the
 * badge's words (`tight`), then its badge (`bare`): the ID names the row, the rest stays in the
 * tooltip. Only an ID wider than the whole row is cut, with an ellipsis. Measured after each
 * render and resize, a pass per step (all rows read after one layout, then all marked).
 */
function fitRows(): void {
  const rows = [...treeEl.querySelectorAll<HTMLElement>(`:scope > [aria-level="1"] > .row, ${BROKEN_ID_ROWS}`)];
  for (const row of rows) row.classList.remove('tight', 'bare');
  const cut = (row: HTMLElement): boolean => {
    const label = row.querySelector<HTMLElement>('.label');
    return label !== null && label.scrollWidth > label.clientWidth;
  };
  const tight = rows.filter(cut);
  for (const row of tight) row.classList.add('tight');
  const bare = tight.filter(cut);
  for (const row of bare) row.classList.add('bare');
}

function visibleSpecs(): SpecNode[] {
  return tree ? tree.specs.filter((s) => specMatches(s, state.filter)) : [];
}

/** The broken links shown: all of them unless a status or another chain state is picked, matching the text. */
function visibleBroken(): BrokenLinkNode[] {
  const { statuses, chains, text } = state.filter;
  if (!tree || statuses.length > 0 || (chains.length > 0 && !chains.includes('errors'))) return [];
  return tree.broken.filter((l) => brokenMatches(l, text));
}

function renderChips(): void {
  chipsEl.replaceChildren();
  const chips: { label: string; remove: () => void }[] = [
    ...state.filter.statuses.map((s) => ({ label: `status: ${s}`, remove: () => (state.filter = { ...state.filter, statuses: state.filter.statuses.filter((x) => x !== s) }) })),
    ...state.filter.chains.map((c) => ({ label: CHAIN_FILTER_WORDS[c], remove: () => (state.filter = { ...state.filter, chains: state.filter.chains.filter((x) => x !== c) }) })),
  ];
  chipsEl.hidden = chips.length === 0;
  for (const chip of chips) {
    const b = button('chip', undefined, chip.label, () => {
      chip.remove();
      save();
      renderTree();
    });
    b.append(icon('close'));
    b.setAttribute('aria-label', `Remove filter ${chip.label}`);
    chipsEl.append(b);
  }
}

const CHAIN_FILTER_WORDS: Readonly<Record<ChainFilter, string>> = {
  complete: 'complete',
  partial: 'partial',
  none: 'no code',
  errors: 'errors or broken links',
  'tests-verified': 'tests verified',
  'tests-failing': 'tests failing',
  'tests-skipped': 'tests skipped',
  'tests-not-run': 'tests not run',
  'tests-untested': 'untested',
};

function renderEmpty(total: number, shown: number): void {
  emptyEl.replaceChildren();
  emptyEl.hidden = shown > 0;
  if (shown > 0) return;
  if (!tree) {
    const text = serverState.state === 'failed' ? 'SPECs appear when the language server runs.' : indexing !== null ? indexingText(indexing) : 'Loading SPECs…';
    emptyEl.append(el('p', undefined, text));
    return;
  }
  if (total > 0) {
    emptyEl.append(el('p', undefined, 'No SPEC matches the filter.'));
    emptyEl.append(button('link', 'clear-all', 'Clear the filter', () => clearFilter()));
    return;
  }
  // The welcome view: what a SPEC is and how to start one.
  emptyEl.append(el('p', 'welcome-title', 'No SPEC documents yet'));
  emptyEl.append(el('p', undefined, 'SpecChain reads SPECs from .moai/specs/SPEC-<ID>/spec.md and links code to them with @TAG markers.'));
  const create = button('primary', 'new-file', 'Create SPEC', () => vscode.postMessage({ type: 'createSpec' }));
  create.disabled = !trusted;
  if (!trusted) create.title = 'Trust this workspace to create SPECs';
  emptyEl.append(create, button('link', 'book', 'Read the SpecChain documentation', () => vscode.postMessage({ type: 'openDocs' })));
}

function renderTree(): void {
  nodes.clear();
  treeEl.replaceChildren();
  renderChips();
  const specs = visibleSpecs();
  const total = tree?.specs.length ?? 0;
  renderEmpty(total, specs.length);
  treeEl.setAttribute('aria-label', tree ? `SPECs, ${shownText(specs.length, total)}` : 'SPECs');
  const broken = visibleBroken();
  const setSize = specs.length + (broken.length > 0 ? 1 : 0);
  specs.forEach((spec, i) => renderNode(specNode(spec), setSize, i, null));
  if (broken.length > 0) renderNode(brokenLinksNode(broken), setSize, specs.length, null);
  fitRows();
  const items = visibleItems();
  const focusTarget = items.find((li) => li.dataset.key === state.focused) ?? items[0];
  if (focusTarget) focusTarget.tabIndex = 0;
  if (tree) vscode.postMessage({ type: 'shown', shown: specs.length, total, broken: broken.length, filter: state.filter });
}

function renderStatus(): void {
  const failed = serverState.state === 'failed';
  statusEl.classList.toggle('failed', failed);
  progressEl.hidden = !(indexing !== null || serverState.state === 'starting');
  if (serverState.state === 'running' && indexing === null) {
    statusEl.hidden = true;
    statusEl.textContent = '';
    return;
  }
  statusEl.hidden = false;
  statusEl.textContent = failed
    ? `The SpecChain language server failed: ${serverState.message ?? 'unknown error'}`
    : serverState.state === 'stopped'
      ? 'The SpecChain language server is stopped.'
      : indexing !== null
        ? indexingText(indexing)
        : 'Starting the SpecChain language server…';
}

// ---- Focus, selection, keyboard ------------------------------------------------------------

function visibleItems(): HTMLElement[] {
  return [...treeEl.querySelectorAll<HTMLElement>('[role="treeitem"]')];
}

function focusItem(li: HTMLElement, takeFocus = true): void {
  for (const item of visibleItems()) item.tabIndex = -1;
  li.tabIndex = 0;
  if (takeFocus) li.focus();
  li.scrollIntoView({ block: 'nearest' });
  state.focused = li.dataset.key ?? null;
  save();
}

function itemByKey(key: string): HTMLElement | undefined {
  return visibleItems().find((item) => item.dataset.key === key);
}

function setExpanded(keys: readonly string[], open: boolean, focusKey: string): void {
  for (const key of keys) {
    if (open) expanded.add(key);
    else expanded.delete(key);
  }
  save();
  renderTree();
  const li = itemByKey(focusKey);
  if (li) focusItem(li);
}

function selectSpec(spec: SpecNode): void {
  state.selected = spec.id;
  save();
  for (const li of visibleItems()) li.setAttribute('aria-selected', String(li.getAttribute('aria-level') === '1' && li.dataset.key === `spec:${spec.id}`));
  vscode.postMessage({ type: 'select', specId: spec.id });
}

function activate(li: HTMLElement): void {
  const node = nodes.get(li.dataset.key ?? '');
  if (!node) return;
  if (node.level === 1 && node.spec) selectSpec(node.spec);
  if (node.open) vscode.postMessage({ type: 'open', uri: node.open.uri, range: node.open.range });
  else if (li.hasAttribute('aria-expanded')) setExpanded([node.key], li.getAttribute('aria-expanded') !== 'true', node.key);
}

treeEl.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const li = target.closest<HTMLElement>('[role="treeitem"]');
  if (!li) return;
  focusItem(li);
  if (target.classList.contains('twistie') && li.hasAttribute('aria-expanded')) {
    setExpanded([li.dataset.key ?? ''], li.getAttribute('aria-expanded') !== 'true', li.dataset.key ?? '');
    return;
  }
  activate(li);
});

// Right-click focuses the row, as in a native tree, before VS Code shows the context menu.
treeEl.addEventListener('contextmenu', (event) => {
  const li = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  if (li) focusItem(li);
});

let typed = '';
let typedAt = 0;

function siblingsOf(li: HTMLElement): HTMLElement[] {
  return visibleItems().filter((item) => item.dataset.parent === li.dataset.parent);
}

treeEl.addEventListener('keydown', (event) => {
  const li = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  if (!li) return;
  const items = visibleItems();
  const index = items.indexOf(li);
  const key = li.dataset.key ?? '';
  const isExpandable = li.hasAttribute('aria-expanded');
  const isOpen = li.getAttribute('aria-expanded') === 'true';
  let handled = true;
  switch (event.key) {
    case 'ArrowDown':
      if (index < items.length - 1) focusItem(items[index + 1]!);
      break;
    case 'ArrowUp':
      if (index > 0) focusItem(items[index - 1]!);
      else filterEl.focus();
      break;
    case 'ArrowRight':
      if (isExpandable && !isOpen) setExpanded([key], true, key);
      else if (isOpen && items[index + 1]) focusItem(items[index + 1]!);
      break;
    case 'ArrowLeft':
      if (isOpen) setExpanded([key], false, key);
      else {
        const parent = li.dataset.parent !== undefined ? itemByKey(li.dataset.parent) : undefined;
        if (parent) focusItem(parent);
      }
      break;
    case 'Home':
      if (items[0]) focusItem(items[0]);
      break;
    case 'End':
      if (items.length > 0) focusItem(items[items.length - 1]!);
      break;
    case 'Enter':
      activate(li);
      break;
    case ' ': {
      const node = nodes.get(key);
      if (node?.level === 1 && node.spec) selectSpec(node.spec);
      else if (isExpandable) setExpanded([key], !isOpen, key);
      break;
    }
    case '*':
      setExpanded(siblingsOf(li).filter((s) => s.hasAttribute('aria-expanded')).map((s) => s.dataset.key ?? ''), true, key);
      break;
    default:
      handled = false;
  }
  if (!handled && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key.trim() !== '') {
    // Type-to-jump: letters typed within a short while form a prefix of a visible row's label.
    const now = Date.now();
    typed = now - typedAt < 700 ? typed + event.key : event.key;
    typedAt = now;
    const labels = items.map((item) => nodes.get(item.dataset.key ?? '')?.label ?? '');
    const found = typeToJump(labels, index, typed);
    if (found !== undefined) focusItem(items[found]!);
    handled = true;
  }
  if (handled) event.preventDefault();
});

function clearFilter(): void {
  filterEl.value = '';
  state.filter = { text: '', statuses: [], chains: [] };
  save();
  renderTree();
}

filterEl.value = state.filter.text;
filterEl.addEventListener('input', () => {
  state.filter = { ...state.filter, text: filterEl.value };
  save();
  renderTree();
});
filterEl.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown') {
    const first = visibleItems()[0];
    if (first) {
      event.preventDefault();
      focusItem(first);
    }
  } else if (event.key === 'Escape' && filterEl.value) {
    filterEl.value = '';
    state.filter = { ...state.filter, text: '' };
    save();
    renderTree();
  }
});

/** Selects a SPEC, and the row of the tag at `uri`/`line` when there is one, expanding its parents. */
function reveal(message: Extract<ToSpecs, { type: 'reveal' }>): void {
  const spec = tree?.specs.find((s) => s.id === message.specId);
  if (!spec) {
    pendingReveal = message;
    return;
  }
  pendingReveal = null;
  if (!specMatches(spec, state.filter)) {
    if (!message.focus) return; // following the editor never clears the user's filter
    filterEl.value = '';
    state.filter = { text: '', statuses: [], chains: [] };
  }
  state.selected = spec.id;
  expanded.add(`spec:${spec.id}`);
  let targetKey = `spec:${spec.id}`;
  const { uri, line } = message;
  if (uri !== undefined && line !== undefined) {
    // Expand along the path to the tag on that line: stage, then file.
    const root = specNode(spec);
    const path = findPath(root, (n) => n.level > 1 && n.open !== undefined && n.open.uri === uri && n.open.range.start.line <= line && line <= n.open.range.end.line);
    if (path) {
      for (const n of path.slice(0, -1)) expanded.add(n.key);
      targetKey = path[path.length - 1]!.key;
    }
  }
  save();
  renderTree();
  const li = itemByKey(targetKey);
  if (li) focusItem(li, message.focus);
  if (li && targetKey !== `spec:${spec.id}`) li.setAttribute('aria-selected', 'true');
  vscode.postMessage({ type: 'revealed', key: targetKey });
}

/** The nodes from `root` down to the first node that `match` accepts, depth first. */
function findPath(root: Node, match: (n: Node) => boolean): Node[] | undefined {
  if (match(root)) return [root];
  for (const child of root.children?.() ?? []) {
    const path = findPath(child, match);
    if (path) return [root, ...path];
  }
  return undefined;
}

// ---- Messages ------------------------------------------------------------------------------

onMessage<ToSpecs>((message) => {
  switch (message.type) {
    case 'server':
      serverState = { state: message.state, ...(message.message !== undefined ? { message: message.message } : {}) };
      renderStatus();
      if (!tree) renderTree();
      break;
    case 'indexing':
      indexing = message.active ? (message.files !== undefined ? { files: message.files } : {}) : null;
      renderStatus();
      if (!tree) renderTree();
      break;
    case 'tree':
      tree = message.tree;
      renderTree();
      if (pendingReveal) reveal(pendingReveal);
      break;
    case 'reveal':
      reveal(message);
      break;
    case 'filter':
      state.filter = { ...state.filter, statuses: [...message.statuses], chains: [...message.chains] };
      save();
      renderTree();
      break;
    case 'collapseAll':
      expanded.clear();
      save();
      renderTree();
      break;
    case 'trust':
      trusted = message.trusted;
      if (tree && tree.specs.length === 0) renderTree();
      break;
  }
});

// A wider or narrower sidebar: which rows are tight changes.
new ResizeObserver(() => fitRows()).observe(treeEl);
renderStatus();
renderTree();
vscode.postMessage({ type: 'ready' });
if (state.selected) vscode.postMessage({ type: 'select', specId: state.selected });
