#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { main } from '../dist/src/cli/main.js';

// `kommunrapport extract x.pdf | head` closes stdout early: stop quietly, as other tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};
main(process.argv.slice(2), io).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`kommunrapport: ${e?.stack ?? e}\n`); process.exitCode = 2; },
);
