/**
 * Note markers as superscript characters: "<sup>3</sup>" or a Word superscript run "3" after
 * "barn" becomes "barn³". The marker stays visible, as printed, but can no longer be read as
 * the digits of a value or label (NFKC turns it back into "3" where plain text is wanted).
 */
const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

export function toSuperscript(s: string): string {
  return [...s].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('');
}
