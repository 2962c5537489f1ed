/**
 * What the lexer says about a stretch of a file. Offsets are UTF-16 code units, half-open;
 * the regions of one file are sorted and never overlap. In a source file, text outside every
 * region is code.
 */
export type RegionKind = 'comment' | 'docstring' | 'string';

export interface Region {
  readonly kind: RegionKind;
  readonly start: number;
  readonly end: number;
}

/**
 * What a file is, decided once before its markers are read:
 * - `source`: code; markers count as claims only in its comments and docstrings;
 * - `spec`: a SPEC document; its markers are the SPEC's declarations;
 * - `spec-companion`: another markdown file of a SPEC folder (`plan.md`, `acceptance.md`, …);
 * - `docs`: prose (markdown, text) outside the SPECs; its markers are mentions;
 * - `generated`: written by a tool (reports, backups, files marked generated); not read for markers;
 * - `data`: JSON, CSV, lock and log files; not read for markers.
 */
export type FileRole = 'source' | 'spec' | 'spec-companion' | 'docs' | 'generated' | 'data';
