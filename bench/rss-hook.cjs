// Preloaded by the benchmark: writes the process's peak RSS (KiB, worker threads included)
// to the file named by SPECCHAIN_RSS_FILE when the process exits.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.SPECCHAIN_RSS_FILE) writeFileSync(process.env.SPECCHAIN_RSS_FILE, String(process.resourceUsage().maxRSS));
});
