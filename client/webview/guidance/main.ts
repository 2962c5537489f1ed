/**
 * The Guidance view: the conventions found for the selected SPEC's service (layout, data layer,
 * authentication, errors, paging, tests), each with links to the lines it comes from, the
 * framework's guidance and the SPEC's backend plan, the plan
 * rendered by markdown-it with raw HTML off (so SPEC text never becomes markup) and without
 * inline styles (the page's CSP allows none).
 */
import MarkdownIt from 'markdown-it';
import type { ConventionsView, GuidanceView } from '../../../server/src/protocol';
import type { ToGuidance } from '../../src/sidebar/messages';
import { button, byId, el, host, icon, onMessage } from '../shared/dom';

const vscode = host<{ specId: string | null }>();
const body = byId('guidance');
let spec: { id: string; title: string } | null = null;
let plan: { specId: string; markdown?: string; guidance?: GuidanceView | null; conventions?: ConventionsView | null; error?: string } | null = null;
let trusted = true;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Table alignment arrives as style attributes, which the CSP would refuse: alignment goes.
md.core.ruler.push('specchain_no_style', (state) => {
  for (const token of state.tokens) {
    if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== 'style');
  }
});

/** Markdown as sanitised markup: markdown-it escapes every character of text and refuses `javascript:` links. */
function renderMarkdown(markdown: string): HTMLElement {
  const root = el('div', 'markdown');
  root.innerHTML = md.render(markdown);
  return root;
}

/** Text with its `code spans` as code elements, through textContent only. */
function rich(tag: 'li' | 'p', text: string): HTMLElement {
  const node = el(tag);
  text.split('`').forEach((part, i) => {
    if (part !== '') node.append(i % 2 === 1 ? el('code', undefined, part) : document.createTextNode(part));
  });
  return node;
}

/** The service's conventions: one list per group, each fact with links to its source lines. */
function renderConventions(view: ConventionsView): HTMLElement {
  const root = el('section', 'conventions');
  root.setAttribute('aria-label', `Conventions of ${view.service}`);
  const title = el('h3', 'guidance-title');
  title.append(icon('symbol-structure'), document.createTextNode(' Conventions of '), el('code', undefined, view.service === '.' ? 'the repository root' : view.service));
  if (view.framework) title.append(document.createTextNode(` (${view.framework})`));
  root.append(title);
  for (const group of view.groups) {
    root.append(el('h4', 'section-title', group.title));
    const list = el('ul', 'guidance-list');
    for (const fact of group.facts) {
      const item = rich('li', fact.text);
      item.prepend(el('span', 'fact-label', `${fact.label}: `));
      for (const s of fact.sources) {
        const where = s.line > 0 ? `${s.path}:${s.line}` : s.path;
        const link = el('a', 'fact-source', where);
        link.href = '#';
        link.title = `Open ${where}`;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          event.stopPropagation();
          const line = Math.max(0, s.line - 1);
          vscode.postMessage({ type: 'open', uri: s.uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } });
        });
        item.append(document.createTextNode(' '), link);
      }
      list.append(item);
    }
    root.append(list);
  }
  return root;
}

function render(): void {
  body.replaceChildren();
  if (!spec) {
    body.append(el('p', 'empty', 'Select a SPEC in the SPECs view to see its framework guidance and backend plan.'));
    return;
  }
  const head = el('h2', 'guidance-head');
  head.append(el('span', 'label', spec.id), el('span', 'description', spec.title));
  head.title = spec.title ? `${spec.id}: ${spec.title}` : spec.id;
  const generate = button('primary', 'notebook-template', 'Generate backend plan', () => spec && vscode.postMessage({ type: 'generatePlan', specId: spec.id }));
  generate.disabled = !trusted;
  generate.title = trusted ? `Write .moai/docs/backend-architecture-${spec.id}.md and open its preview` : 'Trust this workspace to write plans';
  body.append(head, generate);
  if (!plan || plan.specId !== spec.id || (plan.markdown === undefined && plan.error === undefined)) {
    body.append(el('p', 'empty', 'Loading guidance…'));
    return;
  }
  if (plan.error !== undefined) {
    body.append(el('p', 'error-text', `Could not build the plan: ${plan.error}`));
    return;
  }
  if (plan.conventions) body.append(renderConventions(plan.conventions));
  const guidance = plan.guidance;
  if (guidance) {
    const title = el('h3', 'guidance-title');
    title.append(icon('book'), document.createTextNode(` ${guidance.displayName}`));
    body.append(title);
    if (/^https:\/\//.test(guidance.docs)) {
      const link = button('link', 'link-external', 'Framework documentation', () => vscode.postMessage({ type: 'openExternal', url: guidance.docs }));
      link.title = guidance.docs;
      body.append(link);
    }
    for (const section of guidance.sections) {
      body.append(el('h4', 'section-title', section.title));
      const list = el('ul', 'guidance-list');
      for (const item of section.items) list.append(rich('li', item));
      body.append(list);
    }
  } else {
    body.append(el('p', 'empty', 'No framework is stated or detected for this SPEC, so there is no framework guidance.'));
  }
  const details = el('details', 'plan');
  details.append(el('summary', undefined, 'Plan preview'), renderMarkdown(plan.markdown ?? ''));
  body.append(details);
}

// Links of the rendered plan: https opens outside through the extension; nothing else navigates.
body.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest('a');
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if (/^https:\/\//.test(href)) vscode.postMessage({ type: 'openExternal', url: href });
});

onMessage<ToGuidance>((message) => {
  switch (message.type) {
    case 'spec':
      spec = message.specId === null ? null : { id: message.specId, title: message.title };
      if (spec && plan?.specId !== spec.id) plan = null;
      vscode.setState({ specId: spec?.id ?? null });
      break;
    case 'plan':
      plan = { specId: message.specId, markdown: message.markdown, guidance: message.guidance, conventions: message.conventions };
      break;
    case 'planError':
      plan = { specId: message.specId, error: message.message };
      break;
    case 'trust':
      trusted = message.trusted;
      break;
  }
  render();
});

render();
vscode.postMessage({ type: 'ready' });
