#!/usr/bin/env node
// Writes a synthetic @MX-dialect workspace (MoAI-ADK v2.5+) for the benchmark, with every count a
// correct checker reports known by construction, written to DIR/expected.json.
//
//   node bench/gen-mx-workspace.mjs --out DIR [--files 20000] [--specs 500] [--seed 1]
//
// SPECs: .moai/specs/SPEC-<DOM>-<NNN>/spec.md (v3 frontmatter, six REQs as MoAI list items) with
// acceptance.md (one AC per REQ, `maps REQ-…`); every tenth SPEC is a flat SPEC-<ID>.md instead,
// and every twenty-fifth lives under _archive/. Source files in Go, TypeScript (some .tsx),
// Python and Java carry @MX tags in line comments, JSDoc blocks and docstrings, plus @MX text in
// string literals that must not count. node_modules/ holds broken tags a checker must ignore.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])));
if (!args.out) {
  console.error('usage: gen-mx-workspace.mjs --out DIR [--files 20000] [--specs 500] [--seed 1]');
  process.exit(2);
}
const FILES = Number(args.files ?? 20000);
const SPECS = Number(args.specs ?? 500);
let state = Number(args.seed ?? 1) >>> 0 || 1;
const rnd = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;

if (existsSync(args.out)) rmSync(args.out, { recursive: true, force: true });
let files = 0;
const write = (path, text) => {
  const full = join(args.out, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  files++;
};

const DOMAINS = ['USER', 'AUTH', 'ORDER', 'PAY', 'CART', 'SHIP', 'CATALOG', 'SEARCH', 'NOTIFY', 'REPORT'];
const REQS = 6;
const specs = Array.from({ length: SPECS }, (_, i) => `${DOMAINS[i % DOMAINS.length]}-${String(Math.floor(i / DOMAINS.length) + 1).padStart(3, '0')}`);
/** SPECs past this index are never referenced: each is one spec/no-implementation. */
const REFERENCED = Math.floor(SPECS * 0.9);

const expected = { files: 0, specs: SPECS, flatSpecs: 0, archivedSpecs: 0, reqs: SPECS * REQS, mxMarkers: 0, specLines: 0, unknownSpec: 0, unknownReq: 0, missingReason: 0, danglingSpec: 0, moaiInvisible: 0, noImplementation: SPECS - REFERENCED, junkFiles: 0 };

for (const [i, id] of specs.entries()) {
  const frontmatter = ['---', `id: SPEC-${id}`, `title: "Feature ${id}"`, 'version: "1.0.0"', 'status: implemented', 'created: 2026-02-01', 'updated: 2026-03-01', 'author: bench', 'priority: medium', 'phase: run', `module: "services/${id.toLowerCase()}"`, 'lifecycle: spec-anchored', 'tags: "bench"', '---', ''].join('\n');
  const reqs = Array.from({ length: REQS }, (_, k) => `- REQ-${id}-00${k + 1}: WHEN a request for step ${k + 1} arrives, the system SHALL answer within ${100 + k} ms.`).join('\n');
  const spec = `${frontmatter}\n# SPEC-${id}: Feature ${id}\n\n## Overview\n\nWhat ${id} delivers.\n\n## Requirements (EARS)\n\n${reqs}\n`;
  const acceptance = `# Acceptance: SPEC-${id}\n\n${Array.from({ length: REQS }, (_, k) => `- AC-00${k + 1}: Given a client, When step ${k + 1} runs, Then it answers (maps REQ-${id}-00${k + 1})`).join('\n')}\n`;
  if (i % 10 === 9) {
    write(`.moai/specs/SPEC-${id}.md`, `${spec}\n## Acceptance\n\n${acceptance.split('\n').slice(2).join('\n')}`);
    expected.flatSpecs++;
  } else {
    const folder = i % 25 === 24 ? `.moai/specs/_archive/SPEC-${id}` : `.moai/specs/SPEC-${id}`;
    if (i % 25 === 24) expected.archivedSpecs++;
    write(`${folder}/spec.md`, spec);
    write(`${folder}/acceptance.md`, acceptance);
  }
}

const LANGS = [
  { ext: 'go', line: '//' },
  { ext: 'ts', line: '//' },
  { ext: 'py', line: '#' },
  { ext: 'java', line: '//' },
  { ext: 'tsx', line: '//' },
];
/** Code lines around the markers: calls, strings quoting @MX text, nothing that is a tag. */
function filler(lang, n) {
  const out = [];
  for (let j = 0; j < n; j++) {
    const v = Math.floor(rnd() * 1000);
    if (lang.ext === 'py') out.push(j % 9 === 0 ? `    note = "@MX:NOTE: quoted ${v}"` : `    total = total + compute_${j}(${v})`);
    else out.push(j % 9 === 0 ? `  const note${j} = "@MX:NOTE: quoted ${v}";` : `  total = total + compute${j}(${v});`);
  }
  return out.join('\n');
}

let n = 0;
while (files < FILES) {
  const lang = LANGS[n % LANGS.length];
  const spec = specs[n % REFERENCED];
  const req = `REQ-${spec}-00${(n % REQS) + 1}`;
  const c = lang.line;
  const test = n % 6 === 5;
  const dir = `services/${spec.toLowerCase()}/${test ? 'tests' : 'src'}`;
  const name = `${dir}/f${n}.${lang.ext}`;
  const lines = [];
  // Line comments: a standalone tag, its reason, and the link.
  let specId = `SPEC-${spec}`;
  let reqId = req;
  if (n % 97 === 0) {
    specId = `SPEC-GONE-${String(n).padStart(5, '0')}`;
    expected.unknownSpec++;
  } else if (n % 89 === 0) {
    reqId = `REQ-${spec}-099`;
    expected.unknownReq++;
  }
  const anchor = n % 3 === 0;
  lines.push(`${c} @MX:${anchor ? 'ANCHOR' : 'NOTE'}: entry point ${n}`);
  expected.mxMarkers++;
  if (anchor && n % 50 === 0) expected.missingReason++;
  else if (anchor) {
    lines.push(`${c} @MX:REASON: called by ${3 + (n % 5)} handlers`);
    expected.mxMarkers++;
  }
  lines.push(`${c} @MX:SPEC: ${specId} ${reqId}`);
  expected.mxMarkers++;
  expected.specLines++;
  if (lang.ext === 'tsx') expected.moaiInvisible++;
  if (lang.ext === 'py') {
    lines.push('def handler(total):', '    """Handle one request.', '', `    @MX:NOTE: docstring tag ${n}`, '    """', filler(lang, 30), '    return total', '');
    expected.mxMarkers++;
  } else {
    const jsdoc = (lang.ext === 'ts' || lang.ext === 'java') && n % 7 === 0;
    if (jsdoc) {
      lines.push('/**', ` * @MX:WARN: shared state ${n}`, ' * @MX:REASON: mutated by two workers', ` * @MX:SPEC: SPEC-${spec}`, ' */');
      expected.mxMarkers += 3;
      expected.specLines++;
      expected.moaiInvisible++;
    }
    lines.push(lang.ext === 'go' ? 'func handler(total int) int {' : lang.ext === 'py' ? '' : 'function handler(total) {', filler(lang, 30), '  return total;', '}', '');
  }
  if (n % 113 === 0) {
    lines.push(`${c} @MX:SPEC: SPEC-${spec}`);
    lines.unshift(`${c} @MX:SPEC: SPEC-${spec} dangling`);
    expected.mxMarkers += 2;
    expected.specLines += 2;
    expected.danglingSpec++;
    if (lang.ext === 'tsx') expected.moaiInvisible += 2;
    // The closing line attaches to the file's standalone tag, whose link named another SPEC: MoAI's
    // scanner keeps one @MX:SPEC per tag, so the later line replaces the earlier one (a .tsx file is counted above).
    else if (specId !== `SPEC-${spec}`) expected.moaiInvisible++;
  }
  write(name, `${lines.join('\n')}\n`);
  n++;
}

// Junk a checker must never read: vendored code full of broken links.
for (let j = 0; j < 200; j++) {
  const full = join(args.out, `node_modules/pkg${j % 20}/index${j}.js`);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, `// @MX:NOTE: vendored\n// @MX:SPEC: SPEC-VENDOR-${j}\n`);
  expected.junkFiles++;
}
expected.files = files;
writeFileSync(join(args.out, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
