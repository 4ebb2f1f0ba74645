import { z } from 'zod';
import { BODY, type Figure, type Point, type Pose, type Segment, figureFor, poseSchema } from './pose.js';

/**
 * A scene: the start and end pose of one exercise with its props, placed in one frame so both
 * pictures share scale, floor and prop positions. Props are simple shapes placed from the
 * figure: a chair under the seated pelvis, a step under the near foot, a wall at the front or
 * back, a band from the hand to its anchor, dumbbells in the hands.
 */

export const VIEW = { width: 320, height: 240, floor: 228 } as const;
const SEAT_HEIGHT = 46;
const STEP_HEIGHT = 20;
const BALL_RADIUS = 32;

const PROPS = {
  mat: [''],
  chair: ['seat', 'front'],
  step: ['', 'edge'],
  ball: ['seat', 'hands', 'feet', 'knees'],
  band: ['front', 'behind', 'above', 'foot', 'knees', 'hands'],
  wall: ['front', 'behind'],
  dumbbells: ['', 'near', 'far'],
} as const;

type PropKind = keyof typeof PROPS;
export interface Prop {
  kind: PropKind;
  at: string;
}

const propSchema = z.string().transform((value, ctx): Prop => {
  const [kind = '', at = '', ...rest] = value.trim().split(/\s+/);
  const places: readonly string[] | undefined = PROPS[kind as PropKind];
  if (!places) {
    ctx.addIssue({ code: 'custom', message: `ukendt rekvisit "${kind}" (kendte: ${Object.keys(PROPS).join(', ')})` });
    return z.NEVER;
  }
  const place = at || (places[0] ?? '');
  if (rest.length > 0 || !places.includes(place)) {
    ctx.addIssue({ code: 'custom', message: `"${value}": ${kind} kan stå ${places.map((p) => `"${p || 'uden placering'}"`).join(', ')}` });
    return z.NEVER;
  }
  return { kind: kind as PropKind, at: place };
});

export const sceneSchema = z.strictObject({
  /** The body point that stays put between start and end: the pelvis when seated in both, else the near foot. */
  anchor: z.enum(['foot', 'pelvis', 'hand', 'head']).optional(),
  props: z.array(propSchema).default([]),
  start: poseSchema,
  end: poseSchema,
});

export type Scene = z.output<typeof sceneSchema>;

function anchorOf(scene: Scene): NonNullable<Scene['anchor']> {
  const seated = (pose: Pose) => pose.on === 'chair' || pose.on === 'ball';
  return scene.anchor ?? (seated(scene.start) && seated(scene.end) ? 'pelvis' : 'foot');
}

export type Shape =
  | { type: 'rect'; x: number; y: number; w: number; h: number; role: string }
  | { type: 'circle'; cx: number; cy: number; r: number; role: string }
  | { type: 'line'; from: Point; to: Point; width: number; role: string };

export interface Picture {
  pose: Pose;
  figure: Figure;
  /** Drawn behind the figure (chair, step, wall, mat, ball) and in front of it (band, weights). */
  behind: Shape[];
  front: Shape[];
}

export function layoutScene(scene: Scene): { start: Picture; end: Picture } {
  const figures = [scene.start, scene.end].map((pose) => place(pose, anchorOf(scene)));
  const [start, end] = figures.map((figure, i) => ({
    pose: i === 0 ? scene.start : scene.end,
    figure,
    behind: [] as Shape[],
    front: [] as Shape[],
  })) as [Picture, Picture];
  for (const prop of scene.props) addProp(prop, start, end);
  const box = boundsOf([start, end]);
  const dx = VIEW.width / 2 - (box.minX + box.maxX) / 2;
  for (const picture of [start, end]) shift(picture, dx);
  return { start, end };
}

/** Every point a picture draws, with the radius drawn around it. */
export function extentOf(picture: Picture): Array<Point & { r: number }> {
  const points = figurePoints(picture.figure);
  for (const shape of [...picture.behind, ...picture.front]) {
    if (shape.type === 'rect') points.push({ x: shape.x, y: shape.y, r: 0 }, { x: shape.x + shape.w, y: shape.y + shape.h, r: 0 });
    if (shape.type === 'circle') points.push({ x: shape.cx, y: shape.cy, r: shape.r });
    if (shape.type === 'line') points.push({ ...shape.from, r: shape.width / 2 }, { ...shape.to, r: shape.width / 2 });
  }
  return points;
}

function boundsOf(pictures: Picture[]) {
  const points = pictures.flatMap(extentOf);
  return {
    minX: Math.min(...points.map((p) => p.x - p.r)),
    maxX: Math.max(...points.map((p) => p.x + p.r)),
    minY: Math.min(...points.map((p) => p.y - p.r)),
  };
}

function figurePoints(figure: Figure): Array<Point & { r: number }> {
  return [
    { ...figure.head, r: BODY.headRadius },
    ...figure.segments.flatMap((s) => [
      { ...s.from, r: s.width / 2 },
      { ...s.to, r: s.width / 2 },
    ]),
  ];
}

/** The figure for a pose, resting on its support, with the anchor point at x = 0. */
function place(pose: Pose, anchor: NonNullable<Scene['anchor']>): Figure {
  const figure = figureFor(pose);
  const j = figure.joints;
  const lowest = (points: Array<Point & { r: number }>) => Math.max(...points.map((p) => p.y + p.r));
  const pelvisBottom = j.pelvis.y + BODY.hipHalfWidth;
  // On a step the forefoot carries the weight; the heel may hang below the edge.
  const nearToe = j.toe[0].y + 3;
  const bottomAt: Record<Pose['on'], () => number> = {
    floor: () => VIEW.floor - lowest(figurePoints(figure)),
    // Seated: on the seat, unless the feet would then go through the floor.
    chair: () => Math.min(VIEW.floor - SEAT_HEIGHT - pelvisBottom, bottomAt.floor()),
    ball: () => Math.min(VIEW.floor - 2 * BALL_RADIUS - pelvisBottom, bottomAt.floor()),
    step: () => VIEW.floor - STEP_HEIGHT - nearToe,
  };
  const dy = bottomAt[pose.on]();
  const anchorPoint = { foot: j.ankle[0], pelvis: j.pelvis, hand: j.hand[0], head: figure.head }[anchor];
  const dx = -anchorPoint.x;
  return moveFigure(figure, dx, dy);
}

function moveFigure(figure: Figure, dx: number, dy: number): Figure {
  const m = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  const pair = (ps: [Point, Point]): [Point, Point] => [m(ps[0]), m(ps[1])];
  const j = figure.joints;
  return {
    view: figure.view,
    head: m(figure.head),
    segments: figure.segments.map((s): Segment => ({ ...s, from: m(s.from), to: m(s.to) })),
    joints: {
      pelvis: m(j.pelvis),
      shoulder: pair(j.shoulder),
      hand: pair(j.hand),
      knee: pair(j.knee),
      ankle: pair(j.ankle),
      heel: pair(j.heel),
      toe: pair(j.toe),
    },
  };
}

function shift(picture: Picture, dx: number): void {
  picture.figure = moveFigure(picture.figure, dx, 0);
  const m = (p: Point): Point => ({ x: p.x + dx, y: p.y });
  const move = (s: Shape): Shape =>
    s.type === 'rect' ? { ...s, x: s.x + dx } : s.type === 'circle' ? { ...s, cx: s.cx + dx } : { ...s, from: m(s.from), to: m(s.to) };
  picture.behind = picture.behind.map(move);
  picture.front = picture.front.map(move);
}

function addProp(prop: Prop, start: Picture, end: Picture): void {
  const both = [start, end];
  const all = both.flatMap((p) => figurePoints(p.figure));
  const minX = Math.min(...all.map((p) => p.x - p.r));
  const maxX = Math.max(...all.map((p) => p.x + p.r));
  const floor = VIEW.floor;
  switch (prop.kind) {
    case 'mat':
      for (const p of both) p.behind.push({ type: 'rect', x: minX - 8, y: floor - 3, w: maxX - minX + 16, h: 3, role: 'mat' });
      return;
    case 'chair': {
      if (prop.at === 'seat') {
        const seated = both.find((p) => p.pose.on === 'chair') ?? start;
        const x = seated.figure.joints.pelvis.x;
        const front = seated.pose.view === 'side';
        for (const p of both) p.behind.push(...chairShapes(front ? x - 26 : x - 22, 44, front ? 'back-left' : 'none'));
      } else {
        const x = start.figure.joints.hand[0].x + 2;
        for (const p of both) p.behind.push(...chairShapes(x, 40, 'back-left'));
      }
      return;
    }
    case 'step': {
      const on = both.find((p) => p.pose.on === 'step') ?? start;
      const toe = on.figure.joints.toe[0].x;
      const x = prop.at === 'edge' ? toe - 9 : toe - 24;
      for (const p of both) p.behind.push({ type: 'rect', x, y: floor - STEP_HEIGHT, w: 46, h: STEP_HEIGHT, role: 'step' });
      return;
    }
    case 'ball': {
      // A ball under the feet keeps the size and place it has in the start picture.
      const ball = prop.at === 'feet' ? ballShapes(prop.at, start) : null;
      for (const p of both) p.behind.push(...(ball ?? ballShapes(prop.at, p)));
      return;
    }
    case 'wall': {
      // A wall in front is where the hands reach; one behind touches the back.
      const x = prop.at === 'front' ? Math.max(...both.map((p) => p.figure.joints.hand[0].x)) + 4 : minX - 10;
      for (const p of both) p.behind.push({ type: 'rect', x, y: 8, w: 10, h: floor - 8, role: 'wall' });
      return;
    }
    case 'dumbbells': {
      // Both hands, or one: the near (left, seen from the front) or the far (right) hand.
      const sides = prop.at === 'near' ? [0] : prop.at === 'far' ? [1] : [0, 1];
      for (const p of both) p.front.push(...sides.flatMap((i) => dumbbell(p.figure.joints.hand[i] as Point, handDirection(p, i))));
      return;
    }
    case 'band':
      for (const p of both) p.front.push(...bandShapes(prop.at, p, start, { minX, maxX }));
      return;
  }
}

function chairShapes(x: number, width: number, back: 'back-left' | 'none'): Shape[] {
  const seatY = VIEW.floor - SEAT_HEIGHT;
  const shapes: Shape[] = [
    { type: 'rect', x, y: seatY, w: width, h: 5, role: 'chair' },
    { type: 'line', from: { x: x + 3, y: seatY + 5 }, to: { x: x + 3, y: VIEW.floor }, width: 4, role: 'chair' },
    { type: 'line', from: { x: x + width - 3, y: seatY + 5 }, to: { x: x + width - 3, y: VIEW.floor }, width: 4, role: 'chair' },
  ];
  if (back === 'back-left') shapes.push({ type: 'rect', x: x - 1, y: seatY - 44, w: 5, h: 44, role: 'chair' });
  return shapes;
}

function ballShapes(at: string, p: Picture): Shape[] {
  const j = p.figure.joints;
  if (at === 'seat') return [{ type: 'circle', cx: j.pelvis.x, cy: VIEW.floor - BALL_RADIUS, r: BALL_RADIUS, role: 'ball' }];
  if (at === 'hands') {
    const x = (j.hand[0].x + j.hand[1].x) / 2;
    const y = (j.hand[0].y + j.hand[1].y) / 2;
    return [{ type: 'circle', cx: x, cy: y, r: 12, role: 'ball' }];
  }
  if (at === 'knees') {
    const x = (j.knee[0].x + j.knee[1].x) / 2;
    const y = (j.knee[0].y + j.knee[1].y) / 2;
    return [{ type: 'circle', cx: x, cy: y, r: 9, role: 'ball' }];
  }
  const sole = Math.max(j.heel[0].y, j.ankle[0].y) + 3;
  const r = Math.max(0, (VIEW.floor - sole) / 2);
  return [{ type: 'circle', cx: j.heel[0].x + 4, cy: VIEW.floor - r, r, role: 'ball' }];
}

function handDirection(p: Picture, side: number): Point {
  const hand = p.figure.segments.find((s) => s.part === 'forearm' && s.side === side);
  if (!hand) return { x: 1, y: 0 };
  const dx = hand.to.x - hand.from.x;
  const dy = hand.to.y - hand.from.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: dx / len, y: dy / len };
}

function dumbbell(hand: Point, along: Point): Shape[] {
  const across = { x: -along.y, y: along.x };
  const a = { x: hand.x + across.x * 8, y: hand.y + across.y * 8 };
  const b = { x: hand.x - across.x * 8, y: hand.y - across.y * 8 };
  return [
    { type: 'line', from: a, to: b, width: 3, role: 'dumbbell' },
    { type: 'circle', cx: a.x, cy: a.y, r: 4, role: 'dumbbell' },
    { type: 'circle', cx: b.x, cy: b.y, r: 4, role: 'dumbbell' },
  ];
}

function bandShapes(at: string, p: Picture, start: Picture, box: { minX: number; maxX: number }): Shape[] {
  const j = p.figure.joints;
  const band = (from: Point, to: Point): Shape => ({ type: 'line', from, to, width: 3, role: 'band' });
  const knob = (c: Point): Shape => ({ type: 'circle', cx: c.x, cy: c.y, r: 4, role: 'anchor' });
  const startHand = start.figure.joints.hand[0];
  switch (at) {
    case 'front': {
      const anchor = { x: box.maxX + 24, y: startHand.y };
      return [band(j.hand[0], anchor), knob(anchor)];
    }
    case 'behind': {
      const anchor = { x: box.minX - 24, y: startHand.y };
      return [band(j.hand[0], anchor), knob(anchor)];
    }
    case 'above': {
      const anchor = { x: startHand.x + 10, y: 14 };
      return [band(j.hand[0], anchor), knob(anchor)];
    }
    case 'foot':
      return [band(j.hand[0], j.toe[0]), band(j.hand[1], j.toe[1])];
    case 'knees':
      return [band(j.knee[0], j.knee[1])];
    default:
      return [band(j.hand[0], j.hand[1])];
  }
}

/**
 * What is wrong with a scene's pictures, in Danish: a segment of zero length, anything drawn
 * outside the frame or below the floor, or a start picture identical to the end picture.
 */
export function sceneProblems(scene: Scene): string[] {
  const pictures = layoutScene(scene);
  const problems: string[] = [];
  for (const which of ['start', 'end'] as const) {
    const picture = pictures[which];
    for (const s of picture.figure.segments) {
      if (Math.hypot(s.to.x - s.from.x, s.to.y - s.from.y) < 1) problems.push(`feltet "pose.${which}": ${PART_NAMES[s.part]} har længden 0`);
    }
    for (const shape of [...picture.behind, ...picture.front]) {
      if (shape.type === 'circle' && shape.r < 3) problems.push(`feltet "pose.${which}": ${shape.role} er for lille til at ses`);
    }
    const outside = extentOf(picture).filter(
      (p) => p.x - p.r < -0.5 || p.x + p.r > VIEW.width + 0.5 || p.y - p.r < -0.5 || p.y + p.r > VIEW.height + 0.5,
    );
    if (outside.length > 0) problems.push(`feltet "pose.${which}": tegningen går uden for billedet`);
    const below = figurePoints(picture.figure).filter((p) => p.y + p.r > VIEW.floor + 1);
    if (below.length > 0) problems.push(`feltet "pose.${which}": figuren går ned under gulvet`);
  }
  const same = (a: Picture, b: Picture) => JSON.stringify(a.figure.segments) === JSON.stringify(b.figure.segments);
  if (same(pictures.start, pictures.end)) problems.push('feltet "pose": start- og slutstillingen er ens');
  return problems;
}

const PART_NAMES: Record<Segment['part'], string> = {
  torso: 'overkroppen',
  neck: 'halsen',
  arm: 'overarmen',
  forearm: 'underarmen',
  hand: 'hånden',
  thigh: 'låret',
  shank: 'underbenet',
  foot: 'foden',
};
