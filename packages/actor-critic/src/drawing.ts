/** The cart, the pole, the track and its limits, drawn on a canvas. */
import { CARTPOLE } from '@model-walkthroughs/environments';

/** Backing-store size of the canvas, in CSS pixels at scale 1. */
export const CANVAS = Object.freeze({ width: 640, height: 220 });

/** Colours read from the theme (see core's themeColors). */
export interface Palette {
  fg: string;
  muted: string;
  border: string;
  accent: string;
  skip: string;
  bg: string;
}

/** What one frame shows. */
export interface Scene {
  /** [x, ẋ, θ, θ̇] */
  state: ArrayLike<number>;
  /** The agent's last push: 0 left, 1 right, none before the first step. */
  action?: 0 | 1;
  /** The reader's push now acting, in newtons (sign gives the side). */
  push: number;
}

// 6 m of world across the canvas: the track's ±2.4 m and room to fall off.
const METRES = 6;
const TRACK_Y = 170;

/** Where a world x (metres) lands on the canvas. */
export function toPixels(x: number): number {
  return CANVAS.width / 2 + (x * CANVAS.width) / METRES;
}

/** Draws one frame; `scale` is the device-pixel ratio of the backing store. */
export function drawScene(
  canvas: HTMLCanvasElement,
  scene: Scene,
  colors: Palette,
  scale = 1,
): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const w = Math.round(CANVAS.width * scale);
  const h = Math.round(CANVAS.height * scale);
  if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, CANVAS.width, CANVAS.height);

  const ppm = CANVAS.width / METRES;
  const [x, , theta] = [scene.state[0]!, scene.state[1]!, scene.state[2]!];
  const cx = toPixels(x);
  const cartW = 0.5 * ppm;
  const cartH = 0.3 * ppm;
  const axleY = TRACK_Y - cartH;

  // Track, and the limits where the episode ends.
  ctx.lineWidth = 2;
  ctx.strokeStyle = colors.muted;
  line(ctx, 0, TRACK_Y, CANVAS.width, TRACK_Y);
  ctx.setLineDash([4, 4]);
  ctx.strokeStyle = colors.skip;
  ctx.fillStyle = colors.muted;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  for (const side of [-1, 1]) {
    const px = toPixels(side * CARTPOLE.xThreshold);
    line(ctx, px, TRACK_Y - 120, px, TRACK_Y + 12);
    ctx.fillText(`${side < 0 ? '−' : '+'}${CARTPOLE.xThreshold} m`, px, TRACK_Y + 28);
  }

  // The ±12° cone outside which the pole counts as fallen.
  const reach = 2 * CARTPOLE.length * ppm;
  ctx.strokeStyle = colors.border;
  for (const side of [-1, 1]) {
    const a = side * CARTPOLE.thetaThreshold;
    line(ctx, cx, axleY, cx + reach * Math.sin(a), axleY - reach * Math.cos(a));
  }
  ctx.setLineDash([]);

  // Cart, then pole from the axle: θ > 0 leans right.
  ctx.fillStyle = colors.fg;
  ctx.fillRect(cx - cartW / 2, axleY, cartW, cartH);
  ctx.strokeStyle = colors.accent;
  ctx.lineWidth = 8;
  ctx.lineCap = 'round';
  line(ctx, cx, axleY, cx + reach * Math.sin(theta), axleY - reach * Math.cos(theta));
  ctx.lineCap = 'butt';
  ctx.fillStyle = colors.muted;
  ctx.beginPath();
  ctx.arc(cx, axleY, 4, 0, 2 * Math.PI);
  ctx.fill();

  // The agent's push (10 N) and the reader's, as arrows from the cart's side.
  const y = axleY + cartH / 2;
  if (scene.action !== undefined) {
    const dir = scene.action === 1 ? 1 : -1;
    arrow(ctx, cx - dir * (cartW / 2 + 30), y, cx - dir * (cartW / 2 + 4), y, colors.muted, 2);
  }
  if (scene.push !== 0) {
    const dir = Math.sign(scene.push);
    const len = 20 + Math.min(60, Math.abs(scene.push) * 1.5);
    const from = cx - dir * (cartW / 2 + 4 + len);
    arrow(ctx, from, y + 10, cx - dir * (cartW / 2 + 4), y + 10, colors.skip, 4);
  }
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

function arrow(
  ctx: CanvasRenderingContext2D,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  color: string,
  width: number,
): void {
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  const dir = Math.sign(x1 - x0);
  line(ctx, x0, y0, x1 - dir * 6, y1);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - dir * 9, y1 - 6);
  ctx.lineTo(x1 - dir * 9, y1 + 6);
  ctx.closePath();
  ctx.fill();
}
