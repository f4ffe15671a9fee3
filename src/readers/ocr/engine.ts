/**
 * tesseract.js workers (one WebAssembly Tesseract per worker thread) set up for Swedish,
 * from local files only (assets.ts). The only file that touches the tesseract.js API.
 */
import Tesseract from 'tesseract.js';
import { OCR_LANG, tesseractAssets } from './assets.js';

/** A page that takes longer than this is given up (a stuck or crashed worker thread never
 * answers: tesseract.js does not reject pending jobs when its thread dies). */
export const OCR_PAGE_TIMEOUT_MS = 300_000;
/** Loading the core and the model takes a few seconds; a worker thread that died while loading
 * (an unreadable model, a refused download) never answers either. */
export const ENGINE_START_TIMEOUT_MS = 120_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export interface EngineOptions {
  /** Resolution the images are rendered at, told to Tesseract (a PGM carries none). */
  dpi: number;
  /** A worker script to run instead of tesseract.js's own (tests wrap it in a network guard). */
  workerPath?: string;
}

/** What we read of Tesseract's result: lines with their baseline and words (pixel units). */
export interface OcrWordJson {
  text: string;
  /** 0–100. */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** Set by ink.ts: the word's ink has a gap as wide as a space, which Tesseract read through. */
  gapInside?: boolean;
}
export interface OcrLineJson {
  bbox: { x0: number; y0: number; x1: number; y1: number };
  baseline: { x0: number; y0: number; x1: number; y1: number };
  rowAttributes: { rowHeight: number; ascenders: number; descenders: number };
  words: OcrWordJson[];
}

export interface OcrEngine {
  recognize(image: Buffer): Promise<OcrLineJson[]>;
  terminate(): Promise<void>;
}

export async function createEngine(opts: EngineOptions): Promise<OcrEngine> {
  const assets = tesseractAssets();
  const worker = await withTimeout(Tesseract.createWorker(OCR_LANG, Tesseract.OEM.LSTM_ONLY, {
    workerPath: opts.workerPath ?? assets.workerPath,
    corePath: assets.corePath,
    langPath: assets.langPath,
    gzip: true,
    // 'none': never read or write a traineddata cache in the working directory.
    cacheMethod: 'none',
    logger: () => undefined,
    errorHandler: () => undefined,
  }), ENGINE_START_TIMEOUT_MS, 'starting Tesseract');
  try {
    await worker.setParameters({
      tessedit_pageseg_mode: Tesseract.PSM.AUTO,
      user_defined_dpi: String(Math.round(opts.dpi)),
      // Tesseract's tprintf ("Detected 143 diacritics") reaches the worker's console.log, i.e.
      // this process's stdout, where `extract` prints JSON.
      debug_file: '/dev/null',
    });
  } catch (err) {
    await worker.terminate().catch(() => undefined);
    throw err;
  }
  return {
    recognize: async (image) => {
      const r = await withTimeout(worker.recognize(image, {}, { blocks: true, text: false }), OCR_PAGE_TIMEOUT_MS, 'OCR of one page');
      return linesOf(r.data);
    },
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/** Flatten blocks → paragraphs → lines, keeping only what the layout needs (no symbols). */
function linesOf(page: Tesseract.Page): OcrLineJson[] {
  const out: OcrLineJson[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        out.push({
          bbox: { ...line.bbox },
          baseline: { x0: line.baseline.x0, y0: line.baseline.y0, x1: line.baseline.x1, y1: line.baseline.y1 },
          rowAttributes: { ...line.rowAttributes },
          words: line.words.map((w) => ({ text: w.text, confidence: w.confidence, bbox: { ...w.bbox } })),
        });
      }
    }
  }
  return out;
}
