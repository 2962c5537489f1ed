import { lineAt, specBlocks, type FlatText, type SpecBlock } from './markdown';

/** The EARS pattern of a requirement sentence. */
export type EarsKind = 'ubiquitous' | 'event' | 'state' | 'optional' | 'unwanted';

/** One EARS requirement sentence of a SPEC. */
export interface Requirement {
  /** The label written before it (`REQ-USER-001`), when there is one. */
  readonly id?: string;
  readonly kind: EarsKind;
  /** The sentence, whitespace collapsed, label removed. */
  readonly text: string;
  /** 1-based line where the sentence starts. */
  readonly line: number;
}

const LABEL = /^\[?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+)\]?\s*[:.)\]–—-]\s*/;
const PATTERN_NAME = /^\(?(?:ubiquitous|event[- ]driven|state[- ]driven|optional(?: feature)?|unwanted(?: behaviou?r)?|complex)(?: requirements?)?\)?\s*[:)–—-]\s*/i;
const TRIGGER = /^(when|while|where|if)\b/i;
const UPPER_TRIGGER = /^(WHEN|WHILE|WHERE|IF)\b/;
const KIND_BY_TRIGGER: Readonly<Record<string, EarsKind>> = { when: 'event', while: 'state', where: 'optional', if: 'unwanted' };
/** A sentence ends at `.!?` before whitespace and a capital, or at a line break before a new requirement. */
const SENTENCE_END = /[.!?](?=\s+[A-Z*`"(\[])|\n(?=\s*(?:\[?[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+\]?\s*[:.)\]–—-]|WHEN\b|WHILE\b|WHERE\b|IF\b|The system\b))/g;

/**
 * The EARS requirement sentences of a SPEC (`The system SHALL …`, `WHEN … SHALL …`,
 * `WHILE …`, `WHERE … MAY …`, `IF … THEN …`), deduplicated, in document order. Code blocks
 * and headings are not read.
 */
export function extractRequirements(source: string | readonly SpecBlock[]): readonly Requirement[] {
  const blocks = typeof source === 'string' ? specBlocks(source) : source;
  const seen = new Set<string>();
  const found: Requirement[] = [];
  for (const block of blocks) {
    if (block.kind !== 'prose' && block.kind !== 'row') continue;
    for (const part of block.parts) {
      for (const requirement of requirementsIn(part)) {
        if (seen.has(requirement.text)) continue;
        seen.add(requirement.text);
        found.push(requirement);
      }
    }
  }
  return found;
}

function* requirementsIn(flat: FlatText): Generator<Requirement> {
  let start = 0;
  const ends = [...flat.text.matchAll(SENTENCE_END)].map((m) => m.index + (m[0] === '\n' ? 0 : 1));
  for (const end of [...ends, flat.text.length]) {
    const raw = flat.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const requirement = asRequirement(raw, lineAt(flat, start + lead));
    if (requirement) yield requirement;
    start = end;
  }
}

function asRequirement(raw: string, line: number): Requirement | undefined {
  let sentence = raw.replace(/\s+/g, ' ').trim();
  const label = LABEL.exec(sentence);
  if (label) sentence = sentence.slice(label[0].length);
  sentence = sentence.replace(PATTERN_NAME, '');
  if (!isEars(sentence)) return undefined;
  const kind = earsKind(sentence);
  return label ? { id: label[1]!, kind, text: sentence, line } : { kind, text: sentence, line };
}

/** The EARS pattern of a sentence by its opening trigger word (`WHEN`, `WHILE`, `WHERE`, `IF`). */
export function earsKind(sentence: string): EarsKind {
  const trigger = TRIGGER.exec(sentence.replace(PATTERN_NAME, ''))?.[1]?.toLowerCase();
  return trigger === undefined ? 'ubiquitous' : KIND_BY_TRIGGER[trigger] ?? 'ubiquitous';
}

function isEars(sentence: string): boolean {
  if (/\bSHALL\b/.test(sentence)) return true;
  if (/\bshall\b/.test(sentence) && (TRIGGER.test(sentence) || /^the\b/i.test(sentence))) return true;
  return UPPER_TRIGGER.test(sentence) && /\b(THEN|MAY|SHOULD|MUST)\b/.test(sentence);
}

/**
 * A REQ declared as a table row (`Event-Driven | WHEN … SHALL … | P0 | how it is verified`) is
 * the cell holding its sentence: the pattern cell would be read as the sentence's start.
 */
export function requirementCell(text: string): string {
  const cells = text.split(' | ');
  return cells.length > 1 ? cells.find((c) => /\bSHALL\b/.test(c)) ?? text : text;
}
