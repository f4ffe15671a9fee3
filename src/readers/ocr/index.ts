/** OCR of image-only PDF pages (Tesseract via tesseract.js, Swedish model, offline). */
export { ocrMissingPages, OCR_DPI, DEFAULT_OCR_WORKERS, type OcrOptions, type OcrPage, type OcrResult } from './ocr-pages.js';
export { tesseractAssets, OCR_LANG, MODEL_DIR, type TesseractAssets } from './assets.js';
export {
  linesToRuns, estimateSkew, snapFontSizes, repairPercent, repairPercentToken, ROW_HEIGHT_EM, PERCENT_READINGS, PERCENT_TOKEN_READINGS,
  type OcrRun,
} from './words.js';
export { checkOcrNumbers, looksNumeric, LOW_CONFIDENCE } from './validate.js';
export type { OcrLineJson, OcrWordJson } from './engine.js';
