/**
 * tesseract.js's Node worker script with the network cut off: fetch, http(s) and raw sockets
 * throw in this worker thread before tesseract.js loads, so a model or core that is not on disk
 * makes OCR fail instead of being downloaded. Arg: path of the real worker script (workerData
 * is not available: tesseract.js spawns `new Worker(workerPath)` itself).
 */
'use strict';
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');
const { createRequire } = require('node:module');

const refuse = (what) => () => { throw new Error(`network access from the OCR worker: ${what}`); };
global.fetch = refuse('fetch');
for (const m of [http, https]) { m.request = refuse('http.request'); m.get = refuse('http.get'); }
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');

// tesseract.js is resolved from the project, as the reader resolves it.
const projectRequire = createRequire(require('node:path').join(process.cwd(), 'package.json'));
require(require('node:path').join(require('node:path').dirname(projectRequire.resolve('tesseract.js/package.json')), 'src/worker-script/node/index.js'));
