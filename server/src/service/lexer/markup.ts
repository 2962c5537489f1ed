import { lexCode, type CodeSyntax } from './code';
import type { RegionList } from './regionList';

const TAG = /<!--|<(script|style)\b[^>]*>/gi;

/**
 * Lexes HTML, XML, Vue and Svelte: `<!-- -->` comments, and the bodies of `<script>` and
 * `<style>` lexed as JavaScript and CSS. A comment or element that never closes ends the lexing.
 */
export function lexMarkup(text: string, out: RegionList, script: CodeSyntax, style: CodeSyntax): void {
  let i = 0;
  while (i < text.length) {
    TAG.lastIndex = i;
    const m = TAG.exec(text);
    if (!m) return;
    if (m[0] === '<!--') {
      const close = text.indexOf('-->', m.index + 4);
      if (close < 0) return;
      out.add('comment', m.index, close + 3);
      i = close + 3;
      continue;
    }
    const name = m[1]!.toLowerCase();
    const bodyStart = m.index + m[0].length;
    const close = indexOfIgnoreCase(text, `</${name}`, bodyStart);
    if (close < 0) return;
    lexCode(text.slice(bodyStart, close), name === 'script' ? script : style, out, bodyStart);
    i = close;
  }
}

function indexOfIgnoreCase(text: string, needle: string, from: number): number {
  const re = new RegExp(needle.replace(/[/]/g, '\\/'), 'gi');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}
