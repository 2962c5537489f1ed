/** Where a new SPEC document goes: `.moai/specs/SPEC-<ID>/spec.md`. */
export function newSpecPath(id: string): string {
  return `.moai/specs/SPEC-${id}/spec.md`;
}

/** A new SPEC document in the current frontmatter schema, dated `today` (YYYY-MM-DD). */
export function newSpecText(id: string, today: string): string {
  const module = id.replace(/-[0-9]+$/, '').toLowerCase();
  return `---
id: SPEC-${id}
title: "${id}"
version: "0.1.0"
status: draft
created: ${today}
updated: ${today}
author: "TODO"
priority: medium
phase: "plan"
module: "${module}"
lifecycle: spec-anchored
tags: []
---

# @SPEC:${id}: ${id}

## Requirements

- The system SHALL …
`;
}
