#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { main } from '../dist/src/cli/main.js';

const io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};
main(process.argv.slice(2), io).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`kommunrapport: ${e?.stack ?? e}\n`); process.exitCode = 2; },
);
