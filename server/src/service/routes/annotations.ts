import type { Source } from './source';

/** An annotation or decorator (`@GetMapping("/x")`, `#[Route('/x')]`): its name, argument bracket and span. */
export interface Annotation {
  readonly name: string;
  /** Token index of `(`, or -1 without arguments. */
  readonly open: number;
  readonly start: number;
  readonly end: number;
}

/** The annotation starting at `k` (`@Name(…)`, `@a.b.Name(…)`), or undefined. */
export function annotationAt(src: Source, k: number): Annotation | undefined {
  const t = src.tokens;
  if (!src.is(k, '@') || t[k + 1]?.kind !== 'id') return undefined;
  let j = k + 1;
  while (src.is(j + 1, '.') && t[j + 2]?.kind === 'id') j += 2;
  const name = t[j]!.text;
  if (src.is(j + 1, '(')) {
    const close = src.close(j + 1);
    return { name, open: j + 1, start: k, end: close === -1 ? j + 2 : close + 1 };
  }
  return { name, open: -1, start: k, end: j + 1 };
}

/**
 * What follows a run of annotations at `k`: skipping other annotations and modifiers, the
 * declaration's kind (`class`, `interface`, `fun`, or a method) and its name.
 */
export function declarationAfter(src: Source, k: number): { kind: 'class' | 'method'; name: string; at: number } | undefined {
  const t = src.tokens;
  for (let j = k, guard = 0; j < t.length && guard < 80; guard++) {
    const a = annotationAt(src, j);
    if (a) {
      j = a.end;
      continue;
    }
    const tok = t[j]!;
    if (tok.kind === 'id' && ['class', 'interface', 'object'].includes(tok.text) && t[j + 1]?.kind === 'id') return { kind: 'class', name: t[j + 1]!.text, at: j };
    if (tok.kind === 'id' && tok.text === 'fun') {
      // Kotlin: `fun name(`, `fun <T> name(`, `fun Type.name(`.
      for (let i = j + 1; i < j + 12 && i < t.length; i++) if (t[i]!.kind === 'id' && src.is(i + 1, '(')) return { kind: 'method', name: t[i]!.text, at: i };
      return undefined;
    }
    if (tok.kind === 'id' && src.is(j + 1, '(') && !['if', 'for', 'while', 'switch', 'catch', 'synchronized', 'return', 'new'].includes(tok.text)) return { kind: 'method', name: tok.text, at: j };
    if (tok.kind === 'punct' && (tok.text === ';' || tok.text === '{' || tok.text === '}' || tok.text === '=')) return undefined;
    j++;
  }
  return undefined;
}
