import { load } from './test/unit/core/helpers';
(async () => {
  const text = '// @MX:ANCHOR: x @MX:REASON: y\nexport function f() {}\n# @MX:WARN: danger @MX:REASON: because\n';
  const svc = await load({ 'src/a.ts': text, 'src/b.py': '# @MX:WARN: danger @MX:REASON: because\n# @MX:ANCHOR: [AUTO] api; @MX:REASON: public\n' });
  for (const p of ['src/a.ts','src/b.py']) {
    console.log(svc.index.facts(p)!.mx!.map((m) => [m.kind, m.value, m.parent, m.range.start]));
    console.log(svc.diagnostics(p).map((d) => d.code + ' ' + d.range.start.line));
  }
})();
