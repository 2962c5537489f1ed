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
 * marks) and without EARS pattern labels. Every expression here is linear: no nested
 * quantifier runs over the user's text.
 */
export function plainRequirement(text: string): string {
  return text
    .replace(EARS_LABEL, ' ')
    .replace(EARS_CELL, '')
    .replace(/!?\[([^\]\n]{0,400})\]\([^)\n]{0,400}\)/g, '$1')
    .replace(/\*\*|`+/g, '')
    .replace(/(^|[\s(])\*(?=\S)/g, '$1')
    .replace(/(\S)\*(?=[\s).,;:!?]|$)/g, '$1')
    .replace(/^[\s#>:\-–—|]+/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
