// @ts-check
// The SpecChain sidebar page. Data arrives only through messages from the extension and is
// rendered with textContent: no SPEC string ever becomes markup.
(function () {
  'use strict';

  // @ts-ignore acquireVsCodeApi is provided by the webview host.
  const vscode = acquireVsCodeApi();

  /**
   * @typedef {{ expanded: string[], filter: string, selected: string | null, focused: string | null, collapsedSections: string[] }} State
   * @typedef {{ key: string, level: number, kind: 'spec' | 'group' | 'tag' | 'req', label: string, children?: () => Node[], spec: any, tag?: any, ref?: any, req?: any, missing?: boolean, open?: { uri: string, range: any } }} Node
   */

  /** @type {State} */
  const state = Object.assign(
    { expanded: [], filter: '', selected: null, focused: null, collapsedSections: [] },
    vscode.getState() || {},
  );
  const expanded = new Set(state.expanded);

  /** @type {{ specs: any[], totals: any } | null} */
  let tree = null;
  /** @type {any} */
  let stack = null;
  /** @type {{ specId: string, markdown?: string, guidance?: any, error?: string } | null} */
  let plan = null;
  let trusted = true;
  /** @type {string | null} A reveal that arrived before the tree. */
  let pendingReveal = null;

  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const treeEl = $('tree');
  const filterEl = /** @type {HTMLInputElement} */ ($('filter'));

  function saveState() {
    state.expanded = [...expanded];
    vscode.setState(state);
  }

  /**
   * Creates an element with classes and text; the one way text reaches the page.
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * Text with its `code spans` set in code elements, still only through textContent.
   * @param {string} tag
   * @param {string | undefined} className
   * @param {string} text
   */
  function rich(tag, className, text) {
    const node = el(tag, className);
    text.split('`').forEach((part, i) => {
      if (part === '') return;
      node.append(i % 2 === 1 ? el('code', undefined, part) : document.createTextNode(part));
    });
    return node;
  }

  /** @param {string} name */
  function icon(name) {
    const node = el('span', `codicon codicon-${name}`);
    node.setAttribute('aria-hidden', 'true');
    return node;
  }

  // ---- SPEC tree ------------------------------------------------------------------------

  const COMPLETENESS = {
    complete: { icon: 'pass-filled', text: 'complete', cls: 'complete' },
    partial: { icon: 'circle-large-outline', text: 'partial', cls: 'partial' },
    none: { icon: 'circle-slash', text: 'no code', cls: 'none' },
  };

  /** @param {any} spec */
  function specMatches(spec, filter) {
    if (!filter) return true;
    const reqs = spec.mx ? spec.mx.reqs.map((/** @type {any} */ r) => r.id).join(' ') : '';
    const hay = [spec.id, spec.title, spec.status, spec.framework || '', reqs].join(' ').toLowerCase();
    return filter
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => hay.includes(word));
  }

  // ---- @MX dialect: a SPEC opens into its REQs, each into its code, test and AC references.

  /**
   * A reference row that opens where it points: a code or test reference by its place, an AC
   * or a broken ID by the ID.
   * @param {string} key @param {number} level @param {any} spec @param {any} ref @param {'code' | 'test' | 'ac' | 'broken'} role
   * @returns {Node}
   */
  function refNode(key, level, spec, ref, role) {
    const place = `${ref.path}:${ref.range.start.line + 1}`;
    const byPlace = role === 'code' || role === 'test';
    const description = byPlace ? `${role} · ${ref.id}` : role === 'ac' ? ref.text : place;
    return { key, level, kind: 'tag', label: byPlace ? place : ref.id, spec, ref: { ...ref, role, description }, missing: role === 'broken', open: { uri: ref.uri, range: ref.range } };
  }

  /** @param {any} req */
  function reqCounts(req) {
    return `${req.code.length} code · ${req.tests.length} test · ${req.acs.length} AC`;
  }

  /** @param {any} spec @returns {Node[]} */
  function mxGroupsOf(spec) {
    const mx = spec.mx;
    /** @type {Node[]} */
    const out = mx.reqs.map((/** @type {any} */ req) => ({
      key: `req:${spec.id}:${req.id}`,
      level: 2,
      kind: 'req',
      label: req.id,
      spec,
      req,
      open: { uri: req.uri, range: req.range },
      children: () => [
        ...req.code.map((/** @type {any} */ r, /** @type {number} */ i) => refNode(`req:${spec.id}:${req.id}:code:${i}`, 3, spec, r, 'code')),
        ...req.tests.map((/** @type {any} */ r, /** @type {number} */ i) => refNode(`req:${spec.id}:${req.id}:test:${i}`, 3, spec, r, 'test')),
        ...req.acs.map((/** @type {any} */ r, /** @type {number} */ i) => refNode(`req:${spec.id}:${req.id}:ac:${i}`, 3, spec, r, 'ac')),
      ],
    }));
    if (mx.specRefs.length > 0) {
      out.push({
        key: `mxspec:${spec.id}`,
        level: 2,
        kind: 'group',
        label: 'Linked to the SPEC, no REQ',
        spec,
        children: () => mx.specRefs.map((/** @type {any} */ r, /** @type {number} */ i) => refNode(`mxspec:${spec.id}:${i}`, 3, spec, r, r.test ? 'test' : 'code')),
      });
    }
    if (mx.broken.length > 0) {
      out.push({
        key: `mxbroken:${spec.id}`,
        level: 2,
        kind: 'group',
        label: 'Broken references',
        spec,
        missing: true,
        children: () => mx.broken.map((/** @type {any} */ r, /** @type {number} */ i) => refNode(`mxbroken:${spec.id}:${i}`, 3, spec, r, 'broken')),
      });
    }
    return out;
  }

  /** @param {any} spec @returns {Node[]} */
  function groupsOf(spec) {
    /** @type {Map<string, any[]>} */
    const byType = new Map();
    for (const tag of spec.tags) {
      const list = byType.get(tag.type) || [];
      list.push(tag);
      byType.set(tag.type, list);
    }
    /** @type {Node[]} */
    const groups = spec.mx ? mxGroupsOf(spec) : [];
    groups.push(...[...byType.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([type, tags]) => ({
        key: `group:${spec.id}:${type}`,
        level: 2,
        kind: 'group',
        label: type,
        spec,
        children: () =>
          tags.map((tag, i) => ({
            key: `tag:${spec.id}:${type}:${i}`,
            level: 3,
            kind: 'tag',
            label: `@${tag.type}:${tag.id}${tag.sub ? `:${tag.sub}` : ''}`,
            spec,
            tag,
            open: { uri: tag.uri, range: tag.range },
          })),
      })));
    if (spec.missing.length > 0) {
      groups.push({
        key: `missing:${spec.id}`,
        level: 2,
        kind: 'group',
        label: 'Declared, not in code',
        spec,
        missing: true,
        children: () =>
          spec.missing.map((/** @type {string} */ text, /** @type {number} */ i) => ({
            key: `missing:${spec.id}:${i}`,
            level: 3,
            kind: 'tag',
            label: text,
            spec,
            missing: true,
          })),
      });
    }
    return groups;
  }

  /** @param {any} node */
  function rowFor(node) {
    const row = el('div', `row level-${node.level}`);
    const hasChildren = node.children !== undefined;
    const twistie = icon(hasChildren ? (expanded.has(node.key) ? 'chevron-down' : 'chevron-right') : 'blank');
    twistie.classList.add('twistie');
    row.append(twistie);
    if (node.kind === 'spec') {
      const spec = node.spec;
      const c = COMPLETENESS[/** @type {'complete'|'partial'|'none'} */ (spec.completeness)] || COMPLETENESS.none;
      const badge = icon(c.icon);
      badge.classList.add('completeness', c.cls);
      badge.title = `Chain ${c.text}`;
      row.append(badge, el('span', 'label', spec.id), el('span', 'description', spec.title));
      const meta = el('span', 'meta');
      meta.append(el('span', `pill status status-${String(spec.status).replace(/[^a-z-]/gi, '')}`, spec.status));
      meta.append(el('span', `pill chain ${c.cls}`, c.text));
      if (spec.mx && spec.mx.coverage.declared > 0) {
        const reqs = el('span', 'pill reqs', `REQ ${spec.mx.coverage.referenced}/${spec.mx.coverage.declared}`);
        reqs.title = `${spec.mx.coverage.referenced} of ${spec.mx.coverage.declared} REQs referenced by @MX lines`;
        meta.append(reqs);
      }
      if (spec.problems.errors > 0) {
        const errors = el('span', 'problems errors');
        errors.append(icon('error'), document.createTextNode(String(spec.problems.errors)));
        errors.title = `${spec.problems.errors} error(s) in the SPEC document`;
        meta.append(errors);
      }
      if (spec.problems.warnings > 0) {
        const warnings = el('span', 'problems warnings');
        warnings.append(icon('warning'), document.createTextNode(String(spec.problems.warnings)));
        warnings.title = `${spec.problems.warnings} warning(s) in the SPEC document`;
        meta.append(warnings);
      }
      row.append(meta);
    } else if (node.kind === 'group') {
      row.append(icon(node.missing ? 'warning' : 'tag'), el('span', 'label', node.label), el('span', 'count', String(node.children ? node.children().length : 0)));
    } else if (node.kind === 'req') {
      row.append(icon('checklist'), el('span', 'label', node.label), el('span', 'description', node.req.text), el('span', 'count', reqCounts(node.req)));
    } else if (node.ref) {
      const icons = { code: 'code', test: 'beaker', ac: 'pass', broken: 'warning' };
      row.append(icon(icons[/** @type {'code'} */ (node.ref.role)]), el('span', node.ref.role === 'broken' ? 'label missing' : 'label', node.label), el('span', 'description', node.ref.description));
    } else if (node.missing) {
      row.append(icon('circle-large-outline'), el('span', 'label missing', node.label));
    } else {
      const tag = node.tag;
      row.append(icon(tag.type === 'TEST' ? 'beaker' : 'code'), el('span', 'label', node.label), el('span', 'description', `${tag.path}:${tag.range.start.line + 1}`));
    }
    return row;
  }

  /**
   * @param {any} node
   * @param {number} setSize
   * @param {number} index
   */
  function renderNode(node, setSize, index) {
    const li = el('li', `treeitem ${node.kind}`);
    li.setAttribute('role', 'treeitem');
    li.setAttribute('aria-level', String(node.level));
    li.setAttribute('aria-setsize', String(setSize));
    li.setAttribute('aria-posinset', String(index + 1));
    li.dataset.key = node.key;
    li.tabIndex = -1;
    const children = node.kind === 'spec' ? groupsOf(node.spec) : node.children ? node.children() : [];
    const expandable = children.length > 0;
    if (expandable) li.setAttribute('aria-expanded', String(expanded.has(node.key)));
    if (node.kind === 'spec') li.setAttribute('aria-selected', String(state.selected === node.spec.id));
    li.setAttribute('aria-label', labelFor(node));
    const row = rowFor({ ...node, children: expandable ? () => children : undefined });
    li.append(row);
    nodes.set(node.key, node);
    if (expandable && expanded.has(node.key)) {
      const group = el('ul', 'group');
      group.setAttribute('role', 'group');
      children.forEach((child, i) => group.append(renderNode(child, children.length, i)));
      li.append(group);
    }
    return li;
  }

  /** @param {any} node */
  function labelFor(node) {
    if (node.kind === 'spec') {
      const s = node.spec;
      return `${s.id}: ${s.title}, ${s.status}, chain ${(COMPLETENESS[/** @type {'complete'} */ (s.completeness)] || COMPLETENESS.none).text}`;
    }
    if (node.kind === 'group') return `${node.label}, ${node.children ? node.children().length : 0}`;
    if (node.kind === 'req') return `${node.label}: ${reqCounts(node.req)}`;
    if (node.ref) return node.ref.role === 'ac' ? `${node.label}, acceptance criterion` : `${node.ref.id}, ${node.ref.role} reference in ${node.ref.path} line ${node.ref.range.start.line + 1}`;
    if (node.tag) return `${node.label} in ${node.tag.path} line ${node.tag.range.start.line + 1}`;
    return `${node.label}, declared but not in code`;
  }

  /** @type {Map<string, any>} */
  const nodes = new Map();

  function renderTree() {
    nodes.clear();
    treeEl.replaceChildren();
    const empty = $('tree-empty');
    if (!tree) {
      empty.hidden = false;
      empty.textContent = 'Loading SPECs…';
      return;
    }
    const specs = tree.specs.filter((s) => specMatches(s, state.filter));
    $('specs-count').textContent = `${tree.totals.specs}`;
    if (specs.length === 0) {
      empty.hidden = false;
      empty.textContent = tree.specs.length === 0 ? 'No SPEC documents found.' : 'No SPEC matches the filter.';
    } else {
      empty.hidden = true;
    }
    const unknown = tree.unknownSpec || [];
    const setSize = specs.length + (unknown.length > 0 ? 1 : 0);
    specs.forEach((spec, i) => {
      const node = { key: `spec:${spec.id}`, level: 1, kind: 'spec', label: spec.id, spec, children: () => groupsOf(spec), open: { uri: spec.uri, range: spec.range } };
      treeEl.append(renderNode(node, setSize, i));
    });
    if (unknown.length > 0) {
      /** @type {Node} */
      const node = {
        key: 'unknown-spec',
        level: 1,
        kind: 'group',
        label: 'Unknown SPEC',
        spec: null,
        missing: true,
        children: () => unknown.map((/** @type {any} */ r, /** @type {number} */ i) => refNode(`unknown-spec:${i}`, 2, null, r, 'broken')),
      };
      treeEl.append(renderNode(node, setSize, specs.length));
    }
    const items = visibleItems();
    const focusTarget = items.find((li) => li.dataset.key === state.focused) || items[0];
    if (focusTarget) focusTarget.tabIndex = 0;
  }

  /** @returns {HTMLElement[]} */
  function visibleItems() {
    return /** @type {HTMLElement[]} */ ([...treeEl.querySelectorAll('[role="treeitem"]')]);
  }

  /** @param {HTMLElement} li */
  function focusItem(li) {
    for (const item of visibleItems()) item.tabIndex = -1;
    li.tabIndex = 0;
    li.focus();
    state.focused = li.dataset.key || null;
    saveState();
  }

  /** @param {string} key */
  function focusKey(key) {
    const li = visibleItems().find((item) => item.dataset.key === key);
    if (li) focusItem(li);
  }

  /** @param {string} key @param {boolean} open */
  function setExpanded(key, open) {
    if (open) expanded.add(key);
    else expanded.delete(key);
    saveState();
    renderTree();
    focusKey(key);
  }

  /** @param {any} spec */
  function selectSpec(spec) {
    state.selected = spec.id;
    saveState();
    for (const li of visibleItems()) {
      if (li.classList.contains('spec')) li.setAttribute('aria-selected', String(li.dataset.key === `spec:${spec.id}`));
    }
    plan = { specId: spec.id };
    renderGuidance();
    vscode.postMessage({ type: 'select', specId: spec.id });
  }

  /** Click or Enter on an item. @param {HTMLElement} li */
  function activate(li) {
    const node = nodes.get(li.dataset.key || '');
    if (!node) return;
    if (node.kind === 'spec') selectSpec(node.spec);
    if (node.open) vscode.postMessage({ type: 'open', uri: node.open.uri, range: node.open.range });
    else if (node.kind === 'group') setExpanded(node.key, !expanded.has(node.key));
  }

  treeEl.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const li = /** @type {HTMLElement | null} */ (target.closest('[role="treeitem"]'));
    if (!li) return;
    focusItem(li);
    if (target.classList.contains('twistie') && li.hasAttribute('aria-expanded')) {
      setExpanded(li.dataset.key || '', li.getAttribute('aria-expanded') !== 'true');
      return;
    }
    activate(li);
  });

  treeEl.addEventListener('keydown', (event) => {
    const li = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (event.target).closest('[role="treeitem"]'));
    if (!li) return;
    const items = visibleItems();
    const index = items.indexOf(li);
    const key = li.dataset.key || '';
    const isExpandable = li.hasAttribute('aria-expanded');
    const isOpen = li.getAttribute('aria-expanded') === 'true';
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        if (index < items.length - 1) focusItem(items[index + 1]);
        break;
      case 'ArrowUp':
        if (index > 0) focusItem(items[index - 1]);
        else filterEl.focus();
        break;
      case 'ArrowRight':
        if (isExpandable && !isOpen) setExpanded(key, true);
        else if (isOpen && items[index + 1]) focusItem(items[index + 1]);
        break;
      case 'ArrowLeft':
        if (isOpen) setExpanded(key, false);
        else {
          const parent = /** @type {HTMLElement | null} */ (li.parentElement && li.parentElement.closest('[role="treeitem"]'));
          if (parent) focusItem(parent);
        }
        break;
      case 'Home':
        if (items[0]) focusItem(items[0]);
        break;
      case 'End':
        if (items.length > 0) focusItem(items[items.length - 1]);
        break;
      case 'Enter':
        activate(li);
        break;
      case ' ': {
        const node = nodes.get(key);
        if (node && node.kind === 'spec') selectSpec(node.spec);
        else if (isExpandable) setExpanded(key, !isOpen);
        break;
      }
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  });

  filterEl.value = state.filter;
  filterEl.addEventListener('input', () => {
    state.filter = filterEl.value;
    saveState();
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
      state.filter = '';
      saveState();
      renderTree();
    }
  });

  /** @param {string} specId */
  function reveal(specId) {
    if (!tree || !tree.specs.some((s) => s.id === specId)) {
      pendingReveal = specId;
      return;
    }
    pendingReveal = null;
    const spec = tree.specs.find((s) => s.id === specId);
    if (!specMatches(spec, state.filter)) {
      state.filter = '';
      filterEl.value = '';
    }
    expanded.add(`spec:${specId}`);
    state.selected = specId;
    saveState();
    renderTree();
    focusKey(`spec:${specId}`);
    const li = visibleItems().find((item) => item.dataset.key === `spec:${specId}`);
    if (li) li.scrollIntoView({ block: 'nearest' });
    if (!plan || plan.specId !== specId) plan = { specId };
    renderGuidance();
  }

  // ---- Stack ---------------------------------------------------------------------------

  /** @param {string} label @param {readonly string[]} values */
  function factRow(label, values) {
    const row = el('div', 'fact');
    row.append(el('span', 'fact-label', label), el('span', 'fact-value', values.length > 0 ? values.join(', ') : '—'));
    return row;
  }

  function renderStack() {
    const body = $('stack-body');
    body.replaceChildren();
    if (!stack) {
      body.append(el('p', 'empty', 'Detecting the stack…'));
      return;
    }
    if (stack.services.length === 0) {
      body.append(el('p', 'empty', 'No framework manifest found (package.json, pyproject.toml, go.mod, …).'));
      return;
    }
    for (const service of stack.services) {
      const card = el('div', 'service');
      const head = el('div', 'service-head');
      head.append(icon('server-process'), el('span', 'label', service.root === '.' ? '(workspace root)' : service.root), el('span', 'pill', service.language));
      card.append(head);
      const frameworks = service.frameworks.map((/** @type {any} */ f) => {
        const version = f.resolved || f.version;
        return version ? `${f.name} ${version}` : f.name;
      });
      card.append(factRow('Frameworks', frameworks), factRow('Databases', service.databases), factRow('ORMs', service.orms));
      if (service.auth.length > 0) card.append(factRow('Auth', service.auth));
      if (service.testing.length > 0) card.append(factRow('Testing', service.testing));
      card.append(factRow('Manifests', service.manifests));
      body.append(card);
    }
  }

  // ---- Guidance ------------------------------------------------------------------------

  /**
   * A small markdown preview built from DOM nodes: headings, lists, code blocks, tables
   * (as monospace lines) and paragraphs, with `code spans`; other inline markup is shown as written.
   * @param {string} markdown
   */
  function renderMarkdown(markdown) {
    const root = el('div', 'plan-preview');
    /** @type {HTMLElement | null} */
    let list = null;
    /** @type {string[] | null} */
    let fence = null;
    for (const line of markdown.split(/\r?\n/)) {
      if (fence) {
        if (/^\s*```/.test(line)) {
          root.append(el('pre', 'code', fence.join('\n')));
          fence = null;
        } else fence.push(line);
        continue;
      }
      if (/^\s*```/.test(line)) {
        fence = [];
        list = null;
        continue;
      }
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      const item = /^\s*(?:[-*+]|\d+\.)\s+(.*)$/.exec(line);
      if (heading) {
        list = null;
        root.append(el(`h${Math.min(6, heading[1].length + 2)}`, 'md-heading', heading[2]));
      } else if (item) {
        if (!list) {
          list = el('ul', 'md-list');
          root.append(list);
        }
        list.append(rich('li', undefined, item[1]));
      } else if (/^\s*\|/.test(line)) {
        list = null;
        if (!/^\s*\|[\s:|-]+\|\s*$/.test(line)) root.append(el('div', 'md-table-row', line.trim()));
      } else if (line.trim() === '') {
        list = null;
      } else {
        list = null;
        root.append(rich('p', 'md-paragraph', line));
      }
    }
    if (fence) root.append(el('pre', 'code', fence.join('\n')));
    return root;
  }

  function renderGuidance() {
    const body = $('guidance-body');
    body.replaceChildren();
    const spec = tree && state.selected ? tree.specs.find((s) => s.id === state.selected) : undefined;
    if (!spec) {
      body.append(el('p', 'empty', 'Select a SPEC to see its framework guidance and backend plan.'));
      return;
    }
    const head = el('div', 'guidance-head');
    head.append(el('span', 'label', spec.id), el('span', 'description', spec.title));
    body.append(head);
    const button = /** @type {HTMLButtonElement} */ (el('button', 'primary'));
    button.type = 'button';
    button.append(icon('notebook-template'), document.createTextNode(' Generate backend plan'));
    button.disabled = !trusted;
    button.title = trusted ? `Write .moai/docs/backend-architecture-${spec.id}.md` : 'Trust this workspace to write plans';
    button.addEventListener('click', () => vscode.postMessage({ type: 'generatePlan', specId: spec.id }));
    body.append(button);
    if (!plan || plan.specId !== spec.id || (plan.markdown === undefined && plan.error === undefined)) {
      body.append(el('p', 'empty', 'Loading guidance…'));
      return;
    }
    if (plan.error !== undefined) {
      body.append(el('p', 'error-text', `Could not build the plan: ${plan.error}`));
      return;
    }
    const guidance = plan.guidance;
    if (guidance) {
      const title = el('h3', 'guidance-title');
      title.append(icon('book'), document.createTextNode(` ${guidance.displayName}`));
      body.append(title);
      if (typeof guidance.docs === 'string' && /^https:\/\//.test(guidance.docs)) {
        const link = /** @type {HTMLButtonElement} */ (el('button', 'link', 'Framework documentation'));
        link.type = 'button';
        link.title = guidance.docs;
        link.addEventListener('click', () => vscode.postMessage({ type: 'openExternal', url: guidance.docs }));
        body.append(link);
      }
      for (const section of guidance.sections) {
        body.append(el('h4', 'md-heading', section.title));
        const list = el('ul', 'md-list');
        for (const item of section.items) list.append(rich('li', undefined, item));
        body.append(list);
      }
    } else {
      body.append(el('p', 'empty', 'No framework is stated or detected for this SPEC, so there is no framework guidance.'));
    }
    const details = el('details', 'plan');
    const summary = el('summary', undefined, 'Plan preview');
    details.append(summary, renderMarkdown(plan.markdown || ''));
    body.append(details);
  }

  // ---- Sections and messages -----------------------------------------------------------

  for (const toggle of /** @type {HTMLElement[]} */ ([...document.querySelectorAll('.section-toggle')])) {
    const section = /** @type {HTMLElement} */ (toggle.closest('.section'));
    const body = $(toggle.getAttribute('aria-controls') || '');
    const apply = (/** @type {boolean} */ open) => {
      toggle.setAttribute('aria-expanded', String(open));
      body.hidden = !open;
      const chevron = toggle.querySelector('.codicon');
      if (chevron) chevron.className = `codicon codicon-${open ? 'chevron-down' : 'chevron-right'}`;
    };
    apply(!state.collapsedSections.includes(section.id));
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      apply(open);
      state.collapsedSections = open ? state.collapsedSections.filter((id) => id !== section.id) : [...state.collapsedSections, section.id];
      saveState();
    });
  }

  /** @param {string} kind @param {string | undefined} message */
  function renderServer(kind, message) {
    const status = $('server-status');
    status.classList.toggle('failed', kind === 'failed');
    if (kind === 'running') {
      status.hidden = true;
      return;
    }
    status.hidden = false;
    if (!tree) {
      const empty = $('tree-empty');
      empty.hidden = false;
      empty.textContent = kind === 'starting' ? 'Loading SPECs…' : 'SPECs appear when the language server runs.';
    }
    status.textContent =
      kind === 'failed' ? `The SpecChain language server failed: ${message || 'unknown error'}` : kind === 'starting' ? 'Starting the SpecChain language server…' : 'The SpecChain language server is stopped.';
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.type !== 'string') return;
    switch (message.type) {
      case 'server':
        renderServer(message.state, message.message);
        break;
      case 'tree':
        tree = message.tree;
        renderTree();
        if (pendingReveal) reveal(pendingReveal);
        else renderGuidance();
        break;
      case 'stack':
        stack = message.stack;
        renderStack();
        break;
      case 'plan':
        if (message.specId === state.selected) {
          plan = { specId: message.specId, markdown: message.markdown, guidance: message.guidance };
          renderGuidance();
        }
        break;
      case 'planError':
        if (message.specId === state.selected) {
          plan = { specId: message.specId, error: message.message };
          renderGuidance();
        }
        break;
      case 'reveal':
        reveal(message.specId);
        break;
      case 'trust':
        trusted = message.trusted === true;
        renderGuidance();
        break;
    }
  });

  renderTree();
  renderStack();
  renderGuidance();
  vscode.postMessage({ type: 'ready' });
  if (state.selected) vscode.postMessage({ type: 'select', specId: state.selected });
})();
