/**
 * Where tesseract.js finds its worker script, its WebAssembly core and the Swedish model: all
 * inside node_modules, installed by `npm ci`. Nothing is fetched at run time.
 *
 * tesseract.js downloads the language model from a CDN when `langPath` is unset and treats a
 * `langPath` that is a URL as something to fetch (worker-script/index.js, loadLanguage); a
 * plain directory path is read with fs. In Node the core is `require`d from tesseract.js-core
 * whatever `corePath` says (worker-script/node/getCore.js); it is set anyway so that the choice
 * is visible here.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The model package @tesseract.js-data/swe ships "4.0.0" (legacy + LSTM) and "4.0.0_best_int"
 * (LSTM only, tessdata_best converted to integers: smaller, and what OEM.LSTM_ONLY reads). */
export const OCR_LANG = 'swe';
export const MODEL_DIR = '4.0.0_best_int';

export interface TesseractAssets {
  /** tesseract.js's Node worker script (run in a worker thread). */
  workerPath: string;
  /** Directory of tesseract.js-core (the WebAssembly build of Tesseract). */
  corePath: string;
  /** Directory holding swe.traineddata.gz. */
  langPath: string;
  /** The gzipped model file itself. */
  modelFile: string;
}

let cached: TesseractAssets | null = null;

/** Resolve the local assets; throws when a file is missing (an incomplete `npm ci`). */
export function tesseractAssets(): TesseractAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const root = (pkg: string): string => path.dirname(require.resolve(`${pkg}/package.json`));
  const tesseract = root('tesseract.js');
  const langPath = path.join(root(`@tesseract.js-data/${OCR_LANG}`), MODEL_DIR);
  const assets: TesseractAssets = {
    workerPath: path.join(tesseract, 'src', 'worker-script', 'node', 'index.js'),
    corePath: root('tesseract.js-core'),
    langPath,
    modelFile: path.join(langPath, `${OCR_LANG}.traineddata.gz`),
  };
  for (const file of [assets.workerPath, assets.corePath, assets.modelFile]) {
    if (!existsSync(file)) throw new Error(`OCR asset missing: ${file} (run npm ci)`);
  }
  cached = assets;
  return assets;
}
