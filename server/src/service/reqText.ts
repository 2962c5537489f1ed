/**
 * A requirement's sentence as people read it: the SPEC's markdown markup and EARS pattern labels
 * removed, the EARS keywords (WHEN, WHILE, IF … THEN, SHALL) kept. The sidebar's REQ rows and
 * the hovers both show this text, so that they read the same.
 */

/** EARS pattern names as SPECs label requirements with them: `[Event-Driven]`, `(Ubiquitous):`. */
const EARS_LABEL = /[[(](?:ubiquitous|event[- ]driven|state[- ]driven|optional(?:[- ]feature)?|unwanted(?:[- ]behaviou?r)?|complex)[\])][ \t]*(?:\*\*)?[ \t]*:?/gi;

/** A table row's pattern column before the sentence: `Event-Driven | WHEN …`. */
const EARS_CELL = /^[ \t]*(?:ubiquitous|event[- ]driven|state[- ]driven|optional(?:[- ]feature)?|unwanted(?:[- ]behaviou?r)?|complex)[ \t]*\|/i;

/**
 * `text` without markdown markup (`**bold**`, `*italics*`, code ticks, links, heading and quote
 * marks) and without EARS pattern labels; what a code span holds is kept as written (a pointer
 * type `*FetchResult`, a media range of stars). Every expression here is linear: no nested quantifier runs over the user's text.
 */
export function plainRequirement(text: string): string {
  return outsideCode(text.replace(EARS_LABEL, ' ').replace(EARS_CELL, ''), (plain) =>
    plain
      .replace(/!?\[([^\]\n]{0,400})\]\([^)\n]{0,400}\)/g, '$1')
      .replace(/\*\*/g, '')
      .replace(/(^|[\s(])\*(?=\S)/g, '$1')
      .replace(/(\S)\*(?=[\s).,;:!?]|$)/g, '$1'),
  )
    .replace(/^[\s#>:\-–—|]+/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** `text` with `strip` applied to what lies outside its code spans, and each span's content kept without its ticks. */
function outsideCode(text: string, strip: (plain: string) => string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('`', at);
    let after = open;
    while (after !== -1 && text[after] === '`') after++;
    const close = open === -1 ? -1 : text.indexOf(text.slice(open, after), after);
    if (close === -1) {
      // No span (or an unclosed one): stray ticks go, as before.
      out += strip(text.slice(at).replace(/`+/g, ''));
      break;
    }
    out += strip(text.slice(at, open)) + text.slice(after, close);
    at = close + (after - open);
  }
  return out;
}
