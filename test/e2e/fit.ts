/**
 * A page-side probe (a string, evaluated in the page) of what a user would see cut off in the
 * SPECs view: badges or glyphs outside their row or clipped, text cut without an ellipsis, and
 * whether the page scrolls sideways.
 */
export const FIT_PROBE = `(() => {
  const doc = document.documentElement;
  const clipped = [];
  for (const row of document.querySelectorAll('.row')) {
    const box = row.getBoundingClientRect();
    for (const part of row.querySelectorAll('.badge, .glyph')) {
      // A badge the row dropped to keep its SPEC ID whole is not shown, so not cut.
      if (part.getClientRects().length === 0) continue;
      const r = part.getBoundingClientRect();
      if (r.right > box.right + 0.5 || r.left < box.left - 0.5 || part.scrollWidth > part.clientWidth + 1) clipped.push(row.parentElement.dataset.key + ' ' + part.className);
    }
    for (const text of row.querySelectorAll('.label, .description')) {
      if (text.scrollWidth > text.clientWidth + 1 && getComputedStyle(text).textOverflow !== 'ellipsis') clipped.push(row.parentElement.dataset.key + ' cut without ellipsis');
    }
  }
  return { horizontalScroll: doc.scrollWidth > doc.clientWidth, clipped };
})()`;

/** What {@link FIT_PROBE} returns. */
export interface FitReport {
  readonly horizontalScroll: boolean;
  readonly clipped: readonly string[];
}

/** axe-core's serious and critical violations, as `rule: targets` lines. */
export const AXE_SERIOUS = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
  .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`;
