/**
 * Where a row sits in a table's row hierarchy.
 *
 * Reports nest rows without indentation we can rely on in text: a label row without values
 * heads a group ("<b>FLYKTINGMOTTAGANDE</b>", "Kommunbidragsområde"); "varav …" rows are
 * parts of the row above and "därav …" rows parts of the varav row above (Mölndal
 * VOLYMMÅTT). "Summa"/"Totalt" rows matter only to the arithmetic checks.
 */

export type RowRole = 'main' | 'varav' | 'darav' | 'sum';

/** "varav …", and a label set off with a leading dash ("-månadsavlönade", Ale line 650). */
const VARAV = /^(?:[-–]?\s*varav(?!\p{L})|[-–]\s*\p{L})/iu;
const DARAV = /^[-–]?\s*därav(?!\p{L})/iu;
const SUM = /^(?:summa|totalt?|total|s:a)(?!\p{L})/iu;

export function rowRole(label: string): RowRole {
  if (VARAV.test(label)) return 'varav';
  if (DARAV.test(label)) return 'darav';
  if (SUM.test(label)) return 'sum';
  return 'main';
}

/** "- varav permanent platser" → "varav permanent platser", "-månadsavlönade" → "månadsavlönade". */
export function stripPartDash(label: string): string {
  return /^[-–]\s*\p{L}/u.test(label) ? label.replace(/^[-–]\s*/u, '') : label;
}

/** Upper-case headings (two letters or more) start a new top-level group. */
function isCaps(label: string): boolean {
  const letters = label.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

export class RowPath {
  private groups: Array<{ label: string; caps: boolean }> = [];
  private main: string | null = null;
  private varav: string | null = null;
  private lastWasGroup = false;

  /** A label row without values. */
  group(label: string): void {
    const caps = isCaps(label);
    if (caps) this.groups = [];
    else if (!this.lastWasGroup) this.groups = this.groups.filter((g) => g.caps);
    this.groups.push({ label, caps });
    this.main = null;
    this.varav = null;
    this.lastWasGroup = true;
  }

  /** The group headings currently open, outermost first. */
  peek(): string[] {
    return this.groups.map((g) => g.label);
  }

  /** A row with values, label as printed (dash kept): returns its parents. */
  place(printed: string): string[] {
    this.lastWasGroup = false;
    const label = stripPartDash(printed);
    const groups = this.groups.map((g) => g.label);
    switch (rowRole(printed)) {
      case 'varav':
        this.varav = label;
        return this.main === null ? groups : [...groups, this.main];
      case 'darav': {
        const parents = [this.main, this.varav].filter((p): p is string => p !== null);
        return [...groups, ...parents];
      }
      default:
        // A Summa/Totalt row is never nested under, but "Totalt antal bidragshushåll" is
        // the parent of the "varav flyktingstatus" row below it (Mölndal line 200).
        this.main = label;
        this.varav = null;
        return groups;
    }
  }
}
