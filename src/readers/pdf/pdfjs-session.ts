/**
 * pdf.js document lifecycle (unpdf's withDocument): open with safe, local-only settings,
 * hand each page's raw data to pure code, always destroy.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { UnreadableInputError } from '../../model/index.js';
import type { OpCodes } from './graphics.js';
import { isBoldFontName } from './text-items.js';
import type { FontInfo, RawTextItem } from './types.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PDFDocumentProxy = import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy;
type PDFPageProxy = import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy;

let pdfjsPromise: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= importPdfJs();
  return pdfjsPromise;
}

/**
 * Built-ins that the core-js polyfills bundled in pdf.js's legacy build replace although
 * Node 20 has them natively. The replacements are plain JS and process-wide: the polyfilled
 * Array.prototype.push alone cost about 15% of a PDF extraction, in pdf.js and in our code,
 * and JSON.parse/stringify slowed every later JSON step. They only fix edge cases pdf.js never
 * meets (a push onto a frozen-length array, JSON.rawJSON), so the natives are put back.
 * Polyfills for missing features (Promise.withResolvers, Map.prototype.getOrInsert, …) stay.
 */
const NATIVES_TO_KEEP: Array<[object, string]> = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
];

/** pdf.js's worker module: run in a worker thread, or here when no thread can be started. */
const WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** Import with the natives of NATIVES_TO_KEEP put back afterwards. */
async function importKeepingNatives<M>(load: () => Promise<M>): Promise<M> {
  const saved = NATIVES_TO_KEEP.map(([obj, key]) => [obj, key, Object.getOwnPropertyDescriptor(obj, key)] as const);
  try {
    return await load();
  } finally {
    for (const [obj, key, desc] of saved) {
      if (desc && Object.getOwnPropertyDescriptor(obj, key)?.value !== desc.value) Object.defineProperty(obj, key, desc);
    }
  }
}

function importPdfJs(): Promise<PdfJs> {
  return importKeepingNatives(() => import('pdfjs-dist/legacy/build/pdf.mjs'));
}

let inThreadWorker: Promise<unknown> | null = null;
/** pdf.js's fake worker takes globalThis.pdfjsWorker when present (PDFWorker#mainThreadWorkerMessageHandler). */
function loadWorkerHere(): Promise<unknown> {
  inThreadWorker ??= importKeepingNatives(async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import(WORKER_MODULE);
  });
  return inThreadWorker;
}

/**
 * pdf.js's worker in worker threads: they parse content streams and fonts while this thread
 * builds lines and tables. With two threads a document of PARALLEL_MIN_PAGES or more is opened
 * in both: the first reads every page's text layer, the second the operator lists (table
 * rules) of the pages that need one, so rules cost no time on the text layer's path. The
 * threads are shared by every document and reffed only while one is open (idle threads do not
 * keep the process alive). KOMMUNRAPPORT_PDF_THREADS=N sets the count (default 1, see
 * threadCount); 0 keeps pdf.js in this thread (its fake worker), as does any failure
 * to start a thread. Import workers use 0: there the cores go to files read side by side.
 */
interface PdfThread {
  worker: InstanceType<PdfJs['PDFWorker']>;
  /** Rejects when the thread dies, so no pdf.js call waits forever for an answer. */
  died: Promise<never>;
  acquire(): () => void;
}

/** Documents shorter than this are read in one thread: opening twice would cost more than it saves. */
export const PARALLEL_MIN_PAGES = 6;

/** Run in the thread (CommonJS, eval): load the worker module, put the natives back, serve. */
const THREAD_SOURCE = `
const { workerData } = require('node:worker_threads');
// Verbosity ERRORS, as in this thread: pdf.js prints infos with console.log (stdout, where
// extract prints JSON) and warnings with console.warn; the port protocol never sends "configure".
console.log = () => {};
console.warn = () => {};
const saved = workerData.natives.map(([o, k]) => {
  const obj = o === 'Array.prototype' ? Array.prototype : o === 'Function.prototype' ? Function.prototype : JSON;
  return [obj, k, Object.getOwnPropertyDescriptor(obj, k)];
});
import(workerData.url).then((m) => {
  for (const [obj, k, d] of saved) if (d) Object.defineProperty(obj, k, d);
  m.WorkerMessageHandler.initializeFromPort(workerData.port);
});
`;

let poolPromise: Promise<PdfThread[]> | null = null;

function threadCount(): number {
  const env = process.env.KOMMUNRAPPORT_PDF_THREADS;
  if (env !== undefined && env !== '' && Number.isInteger(Number(env))) return Math.max(0, Math.min(4, Number(env)));
  // One thread by default. A second (operator lists only) loads every font a second time and
  // on this project's 2-core machines, shared with other load, it made the PDF pipeline slower:
  // reader / floor 1.44–1.52× with two threads against 1.32–1.37× with one, back to back.
  return Math.min(1, availableParallelism());
}

async function pdfThreads(pdfjs: PdfJs): Promise<PdfThread[]> {
  const want = threadCount();
  if (want === 0) return [];
  poolPromise ??= (async () => {
    const pool: PdfThread[] = [];
    for (let i = 0; i < want; i++) {
      const t = await startThread(pdfjs);
      if (t) pool.push(t);
    }
    return pool;
  })();
  return (await poolPromise).slice(0, want);
}

async function startThread(pdfjs: PdfJs): Promise<PdfThread | null> {
  try {
    const { Worker, MessageChannel } = await import('node:worker_threads');
    const { pathToFileURL } = await import('node:url');
    const url = pathToFileURL(createRequire(import.meta.url).resolve(WORKER_MODULE)).href;
    const { port1, port2 } = new MessageChannel();
    const natives = [['Array.prototype', 'push'], ['JSON', 'parse'], ['JSON', 'stringify'], ['Function.prototype', 'toString']];
    // execArgv: [] — the source is CommonJS, and a parent started with --input-type=module (or
    // loaders such as tsx) would otherwise pass that on and fail it.
    const thread = new Worker(THREAD_SOURCE, { eval: true, execArgv: [], workerData: { url, port: port2, natives }, transferList: [port2] });
    // A Node MessagePort has what pdf.js uses of a web Worker: postMessage and addEventListener.
    const worker = new pdfjs.PDFWorker({ port: port1 as never });
    let users = 0;
    const died = new Promise<never>((_, reject) => {
      const fail = (why: string): void => {
        poolPromise = null; // the next document starts new threads
        reject(new UnreadableInputError('pdf:corrupt', `a PDF worker thread stopped: ${why}`));
      };
      thread.once('error', (e) => fail(e.message));
      thread.once('exit', (code) => fail(`exit code ${code}`));
    });
    died.catch(() => undefined);
    thread.unref();
    port1.unref();
    return {
      worker,
      died,
      acquire: () => {
        if (users++ === 0) { thread.ref(); port1.ref(); }
        let released = false;
        return () => {
          if (released) return;
          released = true;
          if (--users === 0) { thread.unref(); port1.unref(); }
        };
      },
    };
  } catch {
    return null;
  }
}

/** Directory URLs inside node_modules/pdfjs-dist, so fonts and CMaps load from disk. */
function assetUrls(): { standardFontDataUrl: string; cMapUrl: string } {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  // pdf.js in Node reads these with fs when they are plain paths ending in a separator.
  return {
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
  };
}

/**
 * The part of a DOM Document that pdf.js's FontLoader uses when the Font Loading API is absent
 * (it inserts one @font-face rule per font and, in Node, treats that as loaded at once).
 * Nothing is kept: the rule text is dropped. In Node this is the only use of ownerDocument
 * (canvas and filter factories are the Node ones).
 */
function fontSinkDocument(): object {
  const style = { sheet: { cssRules: { length: 0 }, insertRule: (): number => 0 }, remove: (): void => undefined };
  return {
    createElement: () => style,
    documentElement: { getElementsByTagName: () => [{ append: (): void => undefined }] },
  };
}

export interface RawPage {
  number: number;
  width: number;
  height: number;
  viewportTransform: number[];
  items: RawTextItem[];
  fonts: Record<string, FontInfo>;
  /**
   * Operator list; null when the page has no text (scans: no need to decode images) or when
   * the reader's NeedsOps found no sign of a table on it.
   */
  ops: { fnArray: ArrayLike<number>; argsArray: unknown[] } | null;
}

export interface PdfSession {
  numPages: number;
  metaTitle: string | null;
  opCodes: OpCodes;
  /**
   * Text layer, fonts and, unless `needsOps` says the page needs none, the operator list
   * (without `needsOps`, always when the page has text).
   */
  readPage(n: number, needsOps?: NeedsOps): Promise<RawPage>;
  /** getTextContent only, in one copy of the document, nothing else (the bench's floor): the number of text items. */
  readTextLayer(n: number): Promise<number>;
}

/** Open `bytes`, run `fn`, destroy the document whatever happens. */
export async function withPdfDocument<T>(bytes: Uint8Array, fn: (s: PdfSession) => Promise<T>): Promise<T> {
  if (bytes.length === 0) throw new UnreadableInputError('pdf:empty', 'empty file: no PDF data');
  const pdfjs = await loadPdfJs();
  const threads = await pdfThreads(pdfjs);
  if (threads.length === 0) await loadWorkerHere();
  const releases = threads.map((t) => t.acquire());
  try {
    return await openAndRun(pdfjs, threads, bytes, fn);
  } finally {
    for (const r of releases) r();
  }
}

function openTask(pdfjs: PdfJs, thread: PdfThread | undefined, bytes: Uint8Array): ReturnType<PdfJs['getDocument']> {
  return pdfjs.getDocument({
    ...(thread ? { worker: thread.worker } : {}),
    // pdf.js transfers (detaches) the buffer it is given; give it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    // With disableFontFace (the Node default) pdf.js compiles the outline of every glyph drawn
    // (PartialEvaluator.buildFontPaths) during getOperatorList: about 40% of reading a page.
    // We never render, so fonts go to a document that accepts @font-face rules and drops them.
    disableFontFace: false,
    ownerDocument: fontSinkDocument() as unknown as HTMLDocument,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    // We never render: skip decoding images (photos, scans) while building operator lists.
    maxImageSize: 1,
    isOffscreenCanvasSupported: false,
    // ERRORS only: pdf.js prints warnings with console.log, and extract's stdout is JSON.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...assetUrls(),
  });
}

/** One open copy of the document and the fonts already asked for in it. */
interface OpenDoc { doc: PDFDocumentProxy; tried: Set<string> }

async function openAndRun<T>(pdfjs: PdfJs, threads: PdfThread[], bytes: Uint8Array, fn: (s: PdfSession) => Promise<T>): Promise<T> {
  // Every answer from pdf.js comes from a worker: stop waiting if a thread dies.
  const died = threads.length > 0 ? Promise.race(threads.map((t) => t.died)) : null;
  died?.catch(() => undefined);
  const guard = <V>(p: Promise<V>): Promise<V> => (died ? Promise.race([p, died]) : p);
  const task = openTask(pdfjs, threads[0], bytes);
  let doc: PDFDocumentProxy;
  try {
    doc = await guard(task.promise);
  } catch (err) {
    await guard(task.destroy()).catch(() => undefined);
    throw toUnreadable(err);
  }
  const docs: Array<Promise<OpenDoc | null>> = [Promise.resolve({ doc, tried: new Set<string>() })];
  try {
    let metaTitle: string | null = null;
    try {
      const meta = await guard(doc.getMetadata());
      const info = meta.info as { Title?: unknown } | undefined;
      if (typeof info?.Title === 'string' && info.Title.trim() !== '') metaTitle = info.Title.trim();
    } catch {
      metaTitle = null;
    }
    // A second copy in the second thread reads the operator lists; if it fails to open, the
    // first copy reads them.
    if (threads.length > 1 && doc.numPages >= PARALLEL_MIN_PAGES) {
      const extra = openTask(pdfjs, threads[1], bytes);
      docs.push(guard(extra.promise).then(
        (d) => ({ doc: d, tried: new Set<string>() }),
        async () => { await guard(extra.destroy()).catch(() => undefined); return null; },
      ));
    }
    const opsPage = async (n: number): Promise<PDFPageProxy | null> => {
      const d = docs.length > 1 ? await docs[1]! : null;
      return d ? guard(d.doc.getPage(n)) : null;
    };
    const O = pdfjs.OPS;
    const opCodes: OpCodes = {
      save: O.save, restore: O.restore, transform: O.transform, constructPath: O.constructPath,
      stroke: O.stroke, closeStroke: O.closeStroke, fill: O.fill, eoFill: O.eoFill,
      fillStroke: O.fillStroke, eoFillStroke: O.eoFillStroke, closeFillStroke: O.closeFillStroke,
      closeEOFillStroke: O.closeEOFillStroke, rectangle: O.rectangle,
    };
    return await fn({
      numPages: doc.numPages,
      metaTitle,
      opCodes,
      readPage: async (n, needsOps) => {
        const d = (await docs[0])!;
        const page = await guard(d.doc.getPage(n));
        try {
          return await readRawPage(page, n, needsOps, d.tried, guard, opsPage);
        } finally {
          page.cleanup();
        }
      },
      readTextLayer: async (n) => {
        const page = await guard(doc.getPage(n));
        try {
          return (await guard(page.getTextContent())).items.length;
        } finally {
          page.cleanup();
        }
      },
    });
  } catch (err) {
    throw err instanceof UnreadableInputError ? err : toUnreadable(err);
  } finally {
    for (const p of docs) {
      const d = await p.catch(() => null);
      if (d) await guard(d.doc.destroy()).catch(() => undefined);
    }
  }
}

/**
 * Decides, from a page read without its operator list, whether the operator list is needed
 * (it holds the rules of ruled tables). Only asked when every font on the page is already known.
 */
export type NeedsOps = (page: RawPage) => boolean | Promise<boolean>;

async function readRawPage(
  page: PDFPageProxy,
  n: number,
  needsOps: NeedsOps | undefined,
  tried: Set<string>,
  guard: <V>(p: Promise<V>) => Promise<V>,
  opsPage: (n: number) => Promise<PDFPageProxy | null>,
): Promise<RawPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await guard(page.getTextContent());
  const items = content.items.filter((it): it is typeof it & RawTextItem => 'str' in it) as RawTextItem[];
  const hasText = items.some((it) => it.str.trim().length > 0);
  const styles = content.styles as Record<string, TextStyle>;
  const raw: RawPage = {
    number: n,
    width: viewport.width,
    height: viewport.height,
    viewportTransform: [...viewport.transform],
    items,
    fonts: {},
    ops: null,
  };
  if (!hasText) {
    raw.fonts = fontInfos(page, items, styles);
    return raw;
  }
  // Real font names (for bold) come in the text layer's styles (scripts/patch-pdfjs.mjs). Without
  // that patch they reach commonObjs only through an operator list; once a font is there it
  // serves every later page, and a font still unknown after one try is not asked for again.
  // (Which pages that reads in full then depends on how far the read-ahead got: the text read
  // is the same, but the pages whose rules are read may differ from run to run.)
  const names = new Set(items.map((it) => it.fontName));
  const named = [...names].every((name) => typeof styles[name]?.fontName === 'string');
  const unknown = !named && [...names].some((name) => !page.commonObjs.has(name) && !tried.has(name));
  if (!unknown && needsOps) {
    raw.fonts = fontInfos(page, items, styles);
    if (!(await needsOps(raw))) return raw;
  }
  // Read in the copy kept for operator lists, unless the list must name this copy's fonts.
  const other = named ? await opsPage(n) : null;
  try {
    const list = await guard((other ?? page).getOperatorList());
    for (const name of names) tried.add(name);
    return { ...raw, fonts: fontInfos(page, items, styles), ops: { fnArray: list.fnArray, argsArray: list.argsArray } };
  } finally {
    other?.cleanup();
  }
}

/** A font's entry in getTextContent's styles; fontName is added by our pdf.js patch. */
interface TextStyle { ascent?: number; descent?: number; fontName?: string }

function fontInfos(
  page: PDFPageProxy,
  items: readonly RawTextItem[],
  styles: Record<string, TextStyle>,
): Record<string, FontInfo> {
  const fonts: Record<string, FontInfo> = {};
  for (const name of new Set(items.map((it) => it.fontName))) {
    let real = styles[name]?.fontName ?? '';
    if (!real && page.commonObjs.has(name)) {
      const font = page.commonObjs.get(name) as { name?: unknown } | null;
      if (typeof font?.name === 'string') real = font.name;
    }
    const st = styles[name];
    const ascent = st?.ascent && st.ascent > 0.3 && st.ascent < 1.3 ? st.ascent : 0.8;
    const descent = st?.descent && st.descent < 0 && st.descent > -0.6 ? st.descent : -0.2;
    fonts[name] = { name: real, bold: isBoldFontName(real), ascent, descent };
  }
  return fonts;
}

function toUnreadable(err: unknown): UnreadableInputError {
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = (err as { message?: string } | null)?.message ?? String(err);
  if (name === 'PasswordException') {
    return new UnreadableInputError('pdf:encrypted', `encrypted PDF: ${message}`, { cause: err });
  }
  return new UnreadableInputError('pdf:corrupt', `unreadable PDF: ${message}`, { cause: err });
}
