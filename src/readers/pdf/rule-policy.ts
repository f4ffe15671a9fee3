/**
 * Which pages get their operator list read for table rules (pure).
 *
 * The operator list costs about two thirds of a page's getTextContent, and only the rules of
 * ruled tables are taken from it (font names come with the text layer: scripts/patch-pdfjs.mjs). A
 * document draws its tables one way: Word and planning-system exports either rule every table
 * or shade them all. So once several table-like pages have shown no ruled table, the document
 * is taken as unruled and only every UNRULED_SAMPLE_EVERY-th table-like page is still read in
 * full. If a sampled page does hold a ruled table after all, the guess was wrong from some page
 * on: the pages skipped since the last page read in full without one are read again with their
 * operator lists (backfill), and every later page is read in full. (Files that join documents,
 * such as a magazine-style report followed by a Word-style appendix, change style part-way.)
 * A page that brings fonts no earlier page used is read in full too: a new part of a joined
 * file (an appended annual report, a Word appendix after a planning-system export) arrives
 * with its own fonts, so its first tables are seen before the sampling could miss them.
 * What remains lost is a lone ruled table on a skipped page, in the fonts of the pages before
 * it, followed by unruled ones; its text is still read as an aligned table.
 */

/** Table-like pages without a ruled table before the document is taken as unruled. */
export const UNRULED_AFTER_PAGES = 4;
/** In an unruled document, read the operator list of one table-like page in this many. */
export const UNRULED_SAMPLE_EVERY = 5;

export class RulePolicy {
  private bare = 0;
  private ruled = false;
  private sinceSample = 0;
  private readonly skipped: number[] = [];
  /** The last table-like page read in full without a ruled table, before the first ruled one. */
  private lastBare = 0;

  /**
   * Whether table-like page `page` should get its operator list; `newFonts`: the page uses a
   * font that no page before it did.
   */
  wants(page: number, newFonts = false): boolean {
    if (!this.unruled() || newFonts) return true;
    this.sinceSample += 1;
    if (this.sinceSample >= UNRULED_SAMPLE_EVERY) {
      this.sinceSample = 0;
      return true;
    }
    this.skipped.push(page);
    return false;
  }

  /** What table-like page `page`, read with its operator list, held (pages in order). */
  observe(page: number, ruledTables: number): void {
    if (ruledTables > 0) this.ruled = true;
    else if (!this.ruled) {
      this.bare += 1;
      this.lastBare = page;
    }
  }

  /** Whether the document is (so far) taken as drawing no table rules. */
  unruled(): boolean {
    return !this.ruled && this.bare >= UNRULED_AFTER_PAGES;
  }

  /** Pages skipped on a guess that a later ruled table proved wrong: read them again in full. */
  backfill(): number[] {
    return this.ruled ? this.skipped.filter((p) => p > this.lastBare) : [];
  }
}
