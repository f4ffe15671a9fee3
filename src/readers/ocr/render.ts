/**
 * Page images for OCR: pdf.js draws each page onto an @napi-rs/canvas canvas (what pdf.js's
 * own NodeCanvasFactory uses in Node), and the RGBA pixels become an 8-bit grayscale PGM,
 * which Leptonica inside Tesseract reads without a decoder (no PNG encode and decode per page).
 *
 * The document is opened here, apart from the text reader's session (pdfjs-session.ts), because
 * that session skips image decoding (maxImageSize: 1): scans are nothing but images.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PDFDocumentProxy = import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy;

/** Pages larger than this many pixels are drawn at a lower resolution (an A0 plan at 300 dpi
 * would take 140 Mpx); 40 Mpx holds an A3 page at 300 dpi. */
export const MAX_PAGE_PIXELS = 40_000_000;

/**
 * Built-ins that pdf.js's legacy build replaces with core-js polyfills; put back after import,
 * as pdfjs-session.ts does (whichever module imports pdf.js first, the natives survive).
 */
const NATIVES: Array<[object, string]> = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
];

/** Imported through a variable: the worker module ships no type declarations. */
const WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let pdfjsPromise: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const saved = NATIVES.map(([obj, key]) => [obj, key, Object.getOwnPropertyDescriptor(obj, key)] as const);
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // pdf.js's fake worker takes globalThis.pdfjsWorker when present: parsing and image
      // decoding run in this thread, the OCR in tesseract.js's worker threads.
      const g = globalThis as { pdfjsWorker?: unknown };
      g.pdfjsWorker ??= await import(WORKER_MODULE);
      return pdfjs;
    } finally {
      for (const [obj, key, desc] of saved) {
        if (desc && Object.getOwnPropertyDescriptor(obj, key)?.value !== desc.value) Object.defineProperty(obj, key, desc);
      }
    }
  })();
  return pdfjsPromise;
}

export interface PageImage {
  /** 1-based page number. */
  number: number;
  /** Page size in points (PDF user space, rotation applied). */
  width: number;
  height: number;
  /** Pixels per point of the image. */
  scale: number;
  pixelWidth: number;
  pixelHeight: number;
  /** Binary PGM (P5), 8-bit gray. */
  pgm: Buffer;
}

export interface Renderer {
  numPages: number;
  render(page: number, dpi: number): Promise<PageImage>;
  close(): Promise<void>;
}

export async function openRenderer(bytes: Uint8Array): Promise<Renderer> {
  const pdfjs = await loadPdfJs();
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js detaches the buffer it is given
    isEvalSupported: false,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    isOffscreenCanvasSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw err;
  }
  return {
    numPages: doc.numPages,
    render: (n, dpi) => renderPage(doc, n, dpi),
    close: () => doc.destroy(),
  };
}

async function renderPage(doc: PDFDocumentProxy, n: number, dpi: number): Promise<PageImage> {
  const page = await doc.getPage(n);
  try {
    const base = page.getViewport({ scale: 1 });
    let scale = dpi / 72;
    const pixels = base.width * base.height * scale * scale;
    if (pixels > MAX_PAGE_PIXELS) scale *= Math.sqrt(MAX_PAGE_PIXELS / pixels);
    const viewport = page.getViewport({ scale });
    const w = Math.max(1, Math.ceil(viewport.width));
    const h = Math.max(1, Math.ceil(viewport.height));
    const canvas = createCanvas(w, h);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: ctx as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    const rgba = ctx.getImageData(0, 0, w, h).data;
    const header = Buffer.from(`P5\n${w} ${h}\n255\n`, 'latin1');
    const pgm = Buffer.allocUnsafe(header.length + w * h);
    header.copy(pgm, 0);
    // ITU-R BT.601 luma in integers; the scans are gray already, so any weighting will do.
    for (let i = 0, j = header.length; i < rgba.length; i += 4, j++) {
      pgm[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    }
    return { number: n, width: base.width, height: base.height, scale, pixelWidth: w, pixelHeight: h, pgm };
  } finally {
    page.cleanup();
  }
}
