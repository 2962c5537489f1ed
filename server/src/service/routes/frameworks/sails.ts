import { methodOf, type RouteCollector } from '../collect';
import type { RouteExtractor } from '../extractor';
import type { Source } from '../source';
import type { RouteMethod } from '../types';

/**
 * Sails: `config/routes.js` maps `'VERB /path'` (or `'/path'`, every verb) to a target:
 * `'Controller.action'`, `{ action: 'x/y' }`, `{ controller, action }`, `{ view }`.
 */
export const sails: RouteExtractor = {
  framework: 'sails',
  files: (path) => /(?:^|\/)config\/routes\.[cm]?[jt]s$/.test(path),
  signals: ['routes'],
  precheck: /\broutes\b/,
  extract: readSails,
};

function readSails(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  for (let k = 0; k + 2 < t.length; k++) {
    if (t[k]!.text !== 'routes' || !(src.is(k + 1, '=') || src.is(k + 1, ':')) || !src.is(k + 2, '{')) continue;
    out.owner('*', { root: true });
    for (const span of src.args(k + 2)) {
      const key = t[span[0]]!;
      if (key.kind !== 'str' || key.value === undefined || !src.is(span[0] + 1, ':')) continue;
      const m = /^\s*(?:([A-Za-z]+)\s+)?(\/\S*)\s*$/.exec(key.value);
      if (!m) continue;
      const method: RouteMethod | undefined = m[1] ? methodOf(m[1]) : 'ANY';
      if (!method) continue;
      const value = [span[0] + 2, span[1]] as const;
      const v = t[value[0]]!;
      let handler: string | undefined;
      if (v.kind === 'str') handler = v.value;
      else if (src.is(value[0], '{')) {
        const o = src.args(value[0]);
        const action = src.named(o, 'action');
        const controller = src.named(o, 'controller');
        const view = src.named(o, 'view');
        handler = [controller, action, view].filter((x): x is [number, number] => x !== undefined).map((x) => t[x[0]]!.value ?? '').filter(Boolean).join('.') || undefined;
      }
      out.route('sails', [method], { value: m[2]! }, '*', [span[0], span[1]], handler);
    }
    return;
  }
}
