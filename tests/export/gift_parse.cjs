// Parse GIFT files with gift-pegjs (an independent GIFT parser from npm) and
// print what it read as JSON: {"file": [questions...]}, or the syntax error.
// Usage: node gift_parse.cjs FILE...
const fs = require("fs");
const gift = require("gift-pegjs");

const out = {};
let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    out[file] = gift.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    failed = true;
    out[file] = { error: error.message, location: error.location || null };
  }
}
process.exitCode = failed ? 1 : 0;
process.stdout.write(JSON.stringify(out));
