/**
 * Conventions a SPEC states for its API (the error body, how lists page, what IDs look like),
 * so a plan follows them instead of its own defaults. Each is read line by line with patterns
 * bounded to the line.
 */
export interface SpecConventions {
  /** The error body as the SPEC writes it (`{"detail": "…"}`), or `problem-details` for RFC 7807/9457. */
  readonly errorBody?: string;
  /** The paging parameters the SPEC names (`skip`/`limit`, `page`/`size`, `pageNum`/`pageSize`, `cursor`). */
  readonly paging?: readonly string[];
  /** The identifier form the SPEC names (`UUID`, `ULID`, integer). */
  readonly ids?: string;
}

const PAGING: readonly (readonly string[])[] = [['pageNum', 'pageSize'], ['pageNo', 'pageSize'], ['page', 'pageSize'], ['cursor', 'limit'], ['skip', 'limit'], ['offset', 'limit'], ['page', 'size'], ['page', 'per_page'], ['page', 'page_size'], ['page', 'limit']];

/** Paging names written in camel case, by their lower case. */
const CAMEL: Readonly<Record<string, string>> = { pagenum: 'pageNum', pageno: 'pageNo', pagesize: 'pageSize' };

/** Reads the conventions a SPEC states. */
export function specConventions(text: string): SpecConventions {
  let errorBody: string | undefined;
  let paging: readonly string[] | undefined;
  let ids: string | undefined;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.length > 2000 ? raw.slice(0, 2000) : raw;
    if (errorBody === undefined) {
      if (/\bRFC\s?(?:7807|9457)\b|problem\+json|problem details/i.test(line)) errorBody = 'problem-details';
      else {
        const body = /\{\s*\\?"(detail|error|errors|message|code)\\?"\s*:[^\n]{0,160}/.exec(line);
        const nearError = lines.slice(Math.max(0, i - 4), i + 1).some((l) => /\berror|\bfail|\b4\d\d\b/i.test(l));
        if (body && nearError) errorBody = body[0].replace(/[`.,;\s]+$/, '').trim();
      }
    }
    if (paging === undefined) {
      const words = new Set((line.match(/\b(?:cursor|skip|offset|limit|page|size|per_page|page_size|pageNum|pageNo|pageSize)\b/gi) ?? []).map((w) => CAMEL[w.toLowerCase()] ?? w.toLowerCase()));
      paging = PAGING.find((pair) => pair.every((w) => words.has(w)));
    }
    if (ids === undefined) {
      if (/\bUUID(?:v[47])?s?\b/i.test(line)) ids = 'UUID';
      else if (/\bULIDs?\b/.test(line)) ids = 'ULID';
      else if (/\b(?:auto-?increment(?:ing|ed)?|serial|bigserial)\b.{0,20}\bid|\binteger ids?\b|\bid\b.{0,20}\b(?:auto-?increment(?:ing|ed)?|integer)\b/i.test(line)) ids = 'integer';
    }
  });
  return { ...(errorBody ? { errorBody } : {}), ...(paging ? { paging } : {}), ...(ids ? { ids } : {}) };
}
