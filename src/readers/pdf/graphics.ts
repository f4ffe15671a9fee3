/**
 * Operator list → rules and shaded rectangles (pure).
 *
 * pdf.js 5 packs each path into one OPS.constructPath whose args are
 * [paintOp, [pathData], minMax]: paintOp is the op that paints it (stroke, fill, …) and
 * pathData a flat list of DrawOPS (moveTo 0 x y, lineTo 1 x y, curveTo 2 …6, quadraticCurveTo
 * 3 …4, closePath 4) in the coordinates current when the path was built. We track the CTM
 * through save/restore/transform ourselves and flip with the viewport transform.
 */
import type { FillRect, Rule } from './types.js';

/** The OPS codes we read (passed in from pdf.js so this file does not import it). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  rectangle: number;
}

const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_QUAD = 3;
const DRAW_CLOSE = 4;

type M = [number, number, number, number, number, number];

function mul(m: M, n: M): M {
  // m then n (pdf.js Util.transform(n, m) order: point' = n(m(p)))
  return [
    n[0] * m[0] + n[2] * m[1],
    n[1] * m[0] + n[3] * m[1],
    n[0] * m[2] + n[2] * m[3],
    n[1] * m[2] + n[3] * m[3],
    n[0] * m[4] + n[2] * m[5] + n[4],
    n[1] * m[4] + n[3] * m[5] + n[5],
  ];
}

export interface Graphics {
  rules: Rule[];
  fills: FillRect[];
}

/**
 * Collect axis-aligned rules: stroked straight lines and the edges of stroked rectangles, and
 * filled rectangles thinner than maxRuleThickness (Word and Adobe draw table borders as thin
 * filled boxes). Other filled rectangles are returned as shading.
 */
export function extractGraphics(
  fnArray: ArrayLike<number>,
  argsArray: readonly unknown[],
  viewportTransform: readonly number[],
  ops: OpCodes,
  maxRuleThickness: number,
): Graphics {
  const rules: Rule[] = [];
  const fills: FillRect[] = [];
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const stack: M[] = [];
  const vt = viewportTransform as M;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = mul(argsArray[i] as M, ctm);
    else if (fn === ops.constructPath) {
      const args = argsArray[i] as [number, [ArrayLike<number> | null] | ArrayLike<number>[], unknown];
      const paintOp = args[0];
      const data = args[1]?.[0];
      if (!data) continue;
      const stroke = paintOp === ops.stroke || paintOp === ops.closeStroke ||
        paintOp === ops.fillStroke || paintOp === ops.eoFillStroke ||
        paintOp === ops.closeFillStroke || paintOp === ops.closeEOFillStroke;
      const fill = paintOp === ops.fill || paintOp === ops.eoFill ||
        paintOp === ops.fillStroke || paintOp === ops.eoFillStroke ||
        paintOp === ops.closeFillStroke || paintOp === ops.closeEOFillStroke;
      if (!stroke && !fill) continue;
      const full = mul(ctm, vt);
      readPath(data, full, stroke, fill, maxRuleThickness, rules, fills);
    }
  }
  return { rules, fills };
}

function readPath(
  data: ArrayLike<number>,
  m: M,
  stroke: boolean,
  fill: boolean,
  maxThick: number,
  rules: Rule[],
  fills: FillRect[],
): void {
  const pt = (x: number, y: number): [number, number] => [
    m[0] * x + m[2] * y + m[4],
    m[1] * x + m[3] * y + m[5],
  ];
  let sub: Array<[number, number]> = [];
  let curved = false;
  const flush = (): void => {
    if (sub.length >= 2) {
      if (stroke) {
        for (let k = 1; k < sub.length; k++) addLine(sub[k - 1]!, sub[k]!, rules);
      }
      if (fill && !curved) {
        let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
        for (const [x, y] of sub) {
          l = Math.min(l, x); r = Math.max(r, x); t = Math.min(t, y); b = Math.max(b, y);
        }
        const w = r - l;
        const h = b - t;
        if (h <= maxThick && w > h) rules.push({ dir: 'h', pos: (t + b) / 2, a: l, b: r });
        else if (w <= maxThick && h > w) rules.push({ dir: 'v', pos: (l + r) / 2, a: t, b });
        else if (w > maxThick && h > maxThick) fills.push({ l, t, r, b });
      }
    }
    sub = [];
    curved = false;
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === DRAW_MOVE) {
      flush();
      sub.push(pt(data[i++]!, data[i++]!));
    } else if (op === DRAW_LINE) {
      sub.push(pt(data[i++]!, data[i++]!));
    } else if (op === DRAW_CURVE) {
      curved = true;
      i += 4;
      sub.push(pt(data[i++]!, data[i++]!));
    } else if (op === DRAW_QUAD) {
      curved = true;
      i += 2;
      sub.push(pt(data[i++]!, data[i++]!));
    } else if (op === DRAW_CLOSE) {
      if (sub.length > 0) sub.push(sub[0]!);
    } else break; // unknown drawing op: stop reading this path
  }
  flush();
}

function addLine(p: [number, number], q: [number, number], rules: Rule[]): void {
  const dx = Math.abs(p[0] - q[0]);
  const dy = Math.abs(p[1] - q[1]);
  if (dx < 0.01 && dy < 0.01) return;
  // Axis-aligned within a small slope (1:50).
  if (dy <= dx / 50) rules.push({ dir: 'h', pos: (p[1] + q[1]) / 2, a: Math.min(p[0], q[0]), b: Math.max(p[0], q[0]) });
  else if (dx <= dy / 50) rules.push({ dir: 'v', pos: (p[0] + q[0]) / 2, a: Math.min(p[1], q[1]), b: Math.max(p[1], q[1]) });
}
