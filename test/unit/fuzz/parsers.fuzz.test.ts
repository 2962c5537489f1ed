import * as assert from 'node:assert/strict';
import { readPlainYaml } from '../../../server/src/service/frontmatterYaml';
import { parseSpec } from '../../../server/src/service/specDoc';
import { scanTags } from '../../../server/src/service/tags';
import { DEFAULT_TAG_TYPES } from '../../../server/src/service/types';
import { anyText, fuzz, grammar } from './harness';

const TAG_FRAGMENTS = ['@API:', '@SPEC:', '@api:', 'USER', '-', '001', '_', 'X', ':', '|', ' SPEC: ', ' TEST: ', 'a/b.py', '#', '//', ' ', '\n', 'specchain-disable-next-line', ' tag/unknown-spec', '@@', '.'];
const YAML_FRAGMENTS = ['---\n', 'id: ', 'AUTH-001', 'depends_on:', '\n  - ', '[', ']', ', ', '@dev', '`x`', '"', "'", ': ', '  ', '\n', '&a ', '*a', '# ', '{', '}', 'status: draft', '__proto__: 1', 'constructor: 2', '|\n', '>-\n', '- ', '# @SPEC:AUTH-001: T\n'];

describe('fuzz: tag scanner and frontmatter reader', function () {
  this.timeout(30_000);

  it('scans any text without throwing, quickly, with markers inside the text', () => {
    const check = (text: string): void => {
      const scan = scanTags(text, DEFAULT_TAG_TYPES, 'claim');
      const lines = text.split('\n');
      for (const tag of scan.tags) {
        const line = lines[tag.line]!;
        assert.equal(line.slice(tag.start, tag.end).startsWith(`@${tag.type}:${tag.id}`), true);
      }
    };
    fuzz(anyText, check, { runs: 300, budgetMs: 1_000 });
    fuzz(grammar(TAG_FRAGMENTS), check, { runs: 300, budgetMs: 1_000 });
  });

  it('reads any frontmatter without throwing, quickly, always giving an ID back from the folder', () => {
    const check = (text: string): void => {
      const { doc } = parseSpec('.moai/specs/SPEC-FUZZ-001/spec.md', text);
      assert.ok(doc.id === undefined || typeof doc.id === 'string');
      readPlainYaml(text);
    };
    fuzz(anyText, check, { runs: 150 });
    fuzz(grammar(YAML_FRAGMENTS, { maxRun: 5_000 }).map((body) => `---\n${body}\n---\n# Title\n`), check, { runs: 150, budgetMs: 2_500 });
  });
});
