#!/usr/bin/env node
// A real-shaped MoAI project for the bench (about 1,500 files, deterministic): SPEC folders with
// companions, Python sources with tag headers and docstrings, tests quoting tags in fixture
// strings, prose-heavy docs and `.claude/` prompts, a generated 1 MB JSON report, generated code
// marked in `.gitattributes`. Unlike the 20,000-file workspace it is mostly prose, as real trees are.
//
//   node bench/gen-real-shaped.mjs --out DIR
// Prints one JSON line: { files, specs, brokenClaims }.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const out = process.argv[process.argv.indexOf('--out') + 1];
if (!out || process.argv.indexOf('--out') === -1) {
  console.error('usage: gen-real-shaped.mjs --out DIR');
  process.exit(2);
}

let seed = 42;
/** Deterministic numbers in [0, 1) (mulberry32). */
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(random() * xs.length)];
let files = 0;
function write(path, text) {
  const full = join(out, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  files++;
}

const WORDS = 'the system shall validate every request before it reaches storage and report a clear error when input is missing or malformed while keeping latency within budget for each user session'.split(' ');
const sentence = (n = 14) => Array.from({ length: n }, () => pick(WORDS)).join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
const paragraph = (n = 4) => Array.from({ length: n }, () => sentence()).join(' ');
const DOMAINS = ['AUTH', 'USER', 'CLI', 'INIT', 'UPDATE', 'CONFIG', 'HOOKS', 'DOCS', 'TAG', 'SYNC'];
const specs = Array.from({ length: 60 }, (_, i) => `${DOMAINS[i % DOMAINS.length]}-${String(Math.floor(i / DOMAINS.length) + 1).padStart(3, '0')}`);

for (const id of specs) {
  const folder = `.moai/specs/SPEC-${id}`;
  const body = [
    '---', `id: ${id}`, 'version: 0.1.0', `status: ${pick(['completed', 'active', 'draft'])}`, 'created: 2025-10-01', 'updated: 2025-10-20', 'author: "@dev"', 'priority: high', '---', '',
    `# @SPEC:${id}: ${sentence(4)}`, '', '## Requirements', '',
    ...Array.from({ length: 12 }, (_, k) => `- WHEN ${sentence(6)} the system SHALL ${sentence(8)} (REQ ${k + 1})`), '',
    '## Example', '', '```text', `@SPEC:${id} -> @CODE:${id} -> @TEST:${id}`, '```', '',
    '## Traceability', '', `- @CODE:${id}`, `- @TEST:${id}`, '', paragraph(6), '',
  ];
  write(`${folder}/spec.md`, body.join('\n'));
  write(`${folder}/plan.md`, `# Plan for ${id}\n\n${paragraph(8)}\n\n- Implement \`@CODE:${id}\` first.\n`);
  write(`${folder}/acceptance.md`, `# Acceptance of ${id}\n\n${Array.from({ length: 10 }, () => `- GIVEN ${sentence(5)} WHEN ${sentence(5)} THEN ${sentence(6)}`).join('\n')}\n`);
}

let brokenClaims = 0;
for (let i = 0; i < 450; i++) {
  const id = specs[i % 50];
  const broken = i % 45 === 0;
  if (broken) brokenClaims++;
  const tag = broken ? `@CODE:GONE-${String(i).padStart(3, '0')}` : `@CODE:${id}`;
  const lines = [`# ${tag} | SPEC: SPEC-${id}/spec.md`, `"""${sentence(6)}`, '', paragraph(2), '"""', 'import os', ''];
  for (let f = 0; f < 12; f++) {
    lines.push(`def handler_${f}(request):`, `    """${sentence(8)}"""`, `    message = "${pick(['see @SPEC:' + id, 'no tag here', 'quoted @CODE:EXAMPLE-001'])}"`, '    if not request:', '        raise ValueError(message)', '    return os.path.join("a", "b")', '');
  }
  write(`src/app/${DOMAINS[i % DOMAINS.length].toLowerCase()}/module_${i}.py`, lines.join('\n'));
}
for (let i = 0; i < 350; i++) {
  const id = specs[i % 50];
  const lines = [`# @TEST:${id}`, 'import pytest', ''];
  for (let f = 0; f < 10; f++) lines.push(`def test_case_${f}():`, `    fixture = "@SPEC:API-001 -> @DOC:${id} and @CODE:NOPE-${String(f).padStart(3, '0')}"`, '    assert fixture', '');
  write(`tests/${DOMAINS[i % DOMAINS.length].toLowerCase()}/test_${i}.py`, lines.join('\n'));
}
for (let i = 0; i < 300; i++) {
  const id = pick(specs);
  const lines = [`# ${sentence(5)}`, ''];
  for (let s = 0; s < 12; s++) lines.push(`## ${sentence(3)}`, '', paragraph(5), '', `Chains such as @SPEC:${id} and \`@CODE:${id}\` link code to SPECs; write \`@SPEC:DOMAIN-NNN\` for new ones.`, '', '```python', `# @CODE:${pick(specs)} | SPEC: SPEC-${id}/spec.md`, 'def example():', '    pass', '```', '');
  write(`docs/${pick(['guide', 'reference', 'howto', 'design'])}/page_${i}.md`, lines.join('\n'));
}
for (let i = 0; i < 150; i++) {
  write(`.claude/${pick(['agents', 'commands', 'skills'])}/prompt_${i}.md`, `# Prompt ${i}\n\n${paragraph(10)}\n\nWrite \`@SPEC:ID\` in the title, @CODE:XXX-001 in code and @TEST:<ID> in tests; then check @SPEC:${pick(specs)}.\n\n${paragraph(10)}\n`);
}
const reportTags = [];
while (JSON.stringify(reportTags).length < 1_000_000) reportTags.push({ tag: `@CODE:${pick(specs)}`, file: `src/app/module_${reportTags.length % 450}.py`, line: reportTags.length % 300, status: pick(['ok', 'orphan', 'complete']) });
write('.moai/reports/tag-system-analysis.json', JSON.stringify({ generated: '2025-10-20', tags: reportTags }));
for (let i = 0; i < 20; i++) write(`.moai/reports/sync-report-${i}.md`, `# Sync report ${i}\n\n${specs.map((id) => `- @CODE:${id} complete`).join('\n')}\n`);
write('.gitattributes', 'gen/** linguist-generated=true\n');
for (let i = 0; i < 30; i++) write(`gen/client_${i}.ts`, `// @CODE:GHOST-${String(i).padStart(3, '0')} copied by the client generator\nexport const x${i} = ${i};\n`);
for (let i = 0; i < 20; i++) write(`.github/workflows/wf_${i}.yml`, `# @CODE:${pick(specs)}\nname: ci ${i}\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n`);
write('pyproject.toml', '[project]\nname = "shaped"\nversion = "0.1.0"\ndependencies = ["click>=8"]\n');
write('README.md', `# Shaped\n\n${paragraph(20)}\n`);
write('CHANGELOG.md', Array.from({ length: 200 }, (_, i) => `- ${sentence(10)} (@SPEC:${specs[i % 60]})`).join('\n'));
console.log(JSON.stringify({ files, specs: specs.length, brokenClaims }));
