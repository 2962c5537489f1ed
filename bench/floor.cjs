// The least any Node.js check of a tree has to do, for the benchmark's reference: start Node, walk
// the tree (node_modules/ skipped, as the generated .gitignore asks), read every file once and
// count the tag markers with one regular expression. No settings, no SPEC parsing, no linking,
// no diagnostics, no output beyond two numbers.
//   node bench/floor.cjs DIR
const { closeSync, openSync, readSync, readdirSync } = require('node:fs');

const MARKER = /@(SPEC|API|DB|SERVICE|MIDDLEWARE|TEST|CODE|DOC):[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]{3,}/g;
const buffer = Buffer.allocUnsafe(1 << 20);
let files = 0;
let markers = 0;

function visit(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') visit(path);
    } else if (entry.isFile()) {
      const fd = openSync(path, 'r');
      const length = readSync(fd, buffer, 0, buffer.length, 0);
      closeSync(fd);
      files++;
      const text = buffer.toString('utf8', 0, length);
      MARKER.lastIndex = 0;
      while (MARKER.exec(text)) markers++;
    }
  }
}

visit(process.argv[2] ?? '.');
console.log(`${files} files, ${markers} markers`);
