import { z } from 'zod';

/**
 * A pose: joint angles of a simple human figure, in degrees, seen from the side (facing right)
 * or from the front. Angles are relative to the parent segment, as a physiotherapist measures
 * them: 0 everywhere is standing upright with the arms hanging.
 *
 * Side view: `torso` leans the pelvis-to-chest segment forward (90 = face down, -90 = on the
 * back), `spine` bends the chest on the pelvis (+ rounds forward), `neck` bends the head
 * (+ chin down), `shoulder` flexes the arm (90 forward, 180 overhead, - behind), `elbow` and
 * `knee` flex, `hip` flexes the thigh forward, `ankle` is dorsiflexion (- points the toes),
 * `wrist` bends the hand (+ palm towards the forearm).
 * Front view: `torso` tilts the figure sideways (90 = lying on its side, head to the right),
 * `shoulder` and `hip` abduct, `elbow` and `knee` bend in the picture plane.
 * Paired joints take one number for both sides or `[near, far]` (front view: `[left, right]`
 * as the viewer sees them).
 */

const angle = z.number({ error: 'skal være en vinkel i grader' }).min(-180).max(360);
const pair = z
  .union([angle, z.tuple([angle, angle])], { error: 'skal være en vinkel eller [nær, fjern]' })
  .transform((v): [number, number] => (typeof v === 'number' ? [v, v] : v));

export const poseSchema = z.strictObject({
  label: z.string({ error: 'mangler en kort beskrivelse af stillingen' }).trim().min(3),
  view: z.enum(['side', 'front']).default('side'),
  on: z.enum(['floor', 'chair', 'step', 'ball']).default('floor'),
  torso: angle.default(0),
  spine: angle.default(0),
  neck: angle.default(0),
  shoulder: pair.default([0, 0]),
  elbow: pair.default([0, 0]),
  wrist: pair.default([0, 0]),
  hip: pair.default([0, 0]),
  knee: pair.default([0, 0]),
  ankle: pair.default([0, 0]),
});

export type Pose = z.output<typeof poseSchema>;

export interface Point {
  x: number;
  y: number;
}

export type Side = 0 | 1;
export type Part = 'torso' | 'arm' | 'forearm' | 'hand' | 'thigh' | 'shank' | 'foot' | 'neck';

export interface Segment {
  part: Part;
  /** 0 = near (or left in front view), 1 = far (or right); the torso and neck use 0. */
  side: Side;
  from: Point;
  to: Point;
  width: number;
}

export interface Figure {
  view: Pose['view'];
  segments: Segment[];
  head: Point;
  joints: {
    pelvis: Point;
    shoulder: [Point, Point];
    hand: [Point, Point];
    knee: [Point, Point];
    ankle: [Point, Point];
    heel: [Point, Point];
    toe: [Point, Point];
  };
}

/** Segment lengths in picture units (about a centimetre each for an adult of 175 cm). */
export const BODY = {
  headRadius: 11,
  neck: 5,
  lowerTorso: 24,
  upperTorso: 28,
  upperArm: 29,
  forearm: 23,
  hand: 8,
  thigh: 44,
  shank: 42,
  toe: 16,
  heel: 5,
  shoulderHalfWidth: 16,
  hipHalfWidth: 9,
} as const;

const WIDTH: Record<Part, number> = { torso: 17, neck: 8, arm: 9, forearm: 8, hand: 7, thigh: 12, shank: 10, foot: 6 };

/** The unit vector of a direction in degrees: 0 points down, 90 forward (right), 180 up. */
function dir(degrees: number): Point {
  const r = (degrees * Math.PI) / 180;
  return { x: round(Math.sin(r)), y: round(Math.cos(r)) };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function along(from: Point, degrees: number, length: number): Point {
  const d = dir(degrees);
  return { x: from.x + d.x * length, y: from.y + d.y * length };
}

/** The figure for a pose, with the pelvis at the origin. */
export function figureFor(pose: Pose): Figure {
  return pose.view === 'side' ? sideFigure(pose) : frontFigure(pose);
}

function sideFigure(p: Pose): Figure {
  const segments: Segment[] = [];
  const seg = (part: Part, side: Side, from: Point, to: Point) => segments.push({ part, side, from, to, width: WIDTH[part] });
  const pelvis = { x: 0, y: 0 };
  const chestLean = p.torso + p.spine;
  const mid = along(pelvis, 180 - p.torso, BODY.lowerTorso);
  const shoulderPoint = along(mid, 180 - chestLean, BODY.upperTorso);
  const neckTop = along(shoulderPoint, 180 - chestLean - p.neck, BODY.neck);
  const head = along(neckTop, 180 - chestLean - p.neck, BODY.headRadius);
  seg('torso', 0, pelvis, mid);
  seg('torso', 0, mid, shoulderPoint);
  seg('neck', 0, shoulderPoint, neckTop);

  const hands: Point[] = [];
  const knees: Point[] = [];
  const ankles: Point[] = [];
  const heels: Point[] = [];
  const toes: Point[] = [];
  for (const side of [0, 1] as const) {
    const armAngle = -chestLean + p.shoulder[side];
    const elbow = along(shoulderPoint, armAngle, BODY.upperArm);
    const foreAngle = armAngle + p.elbow[side];
    const wrist = along(elbow, foreAngle, BODY.forearm);
    const hand = along(wrist, foreAngle + p.wrist[side], BODY.hand);
    seg('arm', side, shoulderPoint, elbow);
    seg('forearm', side, elbow, wrist);
    seg('hand', side, wrist, hand);
    hands.push(hand);

    const thighAngle = -p.torso + p.hip[side];
    const knee = along(pelvis, thighAngle, BODY.thigh);
    const shankAngle = thighAngle - p.knee[side];
    const ankle = along(knee, shankAngle, BODY.shank);
    const footAngle = shankAngle + 90 + p.ankle[side];
    // The sole runs parallel to the foot, a heel's depth below the ankle joint.
    const sole = along(ankle, footAngle - 90, BODY.heel);
    const toe = along(sole, footAngle, BODY.toe);
    const heel = along(sole, footAngle, -BODY.heel);
    seg('thigh', side, pelvis, knee);
    seg('shank', side, knee, ankle);
    seg('foot', side, heel, toe);
    knees.push(knee);
    ankles.push(ankle);
    heels.push(heel);
    toes.push(toe);
  }
  return {
    view: 'side',
    segments,
    head,
    joints: {
      pelvis,
      shoulder: [shoulderPoint, shoulderPoint],
      hand: hands as [Point, Point],
      knee: knees as [Point, Point],
      ankle: ankles as [Point, Point],
      heel: heels as [Point, Point],
      toe: toes as [Point, Point],
    },
  };
}

function frontFigure(p: Pose): Figure {
  const segments: Segment[] = [];
  const tilt = (q: Point): Point => {
    const r = (p.torso * Math.PI) / 180;
    return { x: round(q.x * Math.cos(r) - q.y * Math.sin(r)), y: round(q.x * Math.sin(r) + q.y * Math.cos(r)) };
  };
  const seg = (part: Part, side: Side, from: Point, to: Point) =>
    segments.push({ part, side, from: tilt(from), to: tilt(to), width: WIDTH[part] });
  const pelvis = { x: 0, y: 0 };
  const mid = along(pelvis, 180, BODY.lowerTorso);
  const chest = along(mid, 180 - p.spine, BODY.upperTorso);
  const neckTop = along(chest, 180 - p.spine - p.neck, BODY.neck);
  const head = along(neckTop, 180 - p.spine - p.neck, BODY.headRadius);
  seg('torso', 0, pelvis, mid);
  seg('torso', 0, mid, chest);
  seg('neck', 0, chest, neckTop);

  const shoulders: Point[] = [];
  const hands: Point[] = [];
  const knees: Point[] = [];
  const ankles: Point[] = [];
  const heels: Point[] = [];
  const toes: Point[] = [];
  for (const side of [0, 1] as const) {
    const out = side === 0 ? -1 : 1;
    const shoulderPoint = along(chest, 90 * out - p.spine, BODY.shoulderHalfWidth);
    const armAngle = out * p.shoulder[side] - p.spine;
    const elbow = along(shoulderPoint, armAngle, BODY.upperArm);
    const foreAngle = armAngle + out * p.elbow[side];
    const wrist = along(elbow, foreAngle, BODY.forearm);
    const hand = along(wrist, foreAngle + out * p.wrist[side], BODY.hand);
    seg('torso', 0, chest, shoulderPoint);
    seg('arm', side, shoulderPoint, elbow);
    seg('forearm', side, elbow, wrist);
    seg('hand', side, wrist, hand);
    shoulders.push(shoulderPoint);
    hands.push(hand);

    const hip = { x: out * BODY.hipHalfWidth, y: 0 };
    const thighAngle = out * p.hip[side];
    const knee = along(hip, thighAngle, BODY.thigh);
    const ankle = along(knee, thighAngle - out * p.knee[side], BODY.shank + BODY.heel);
    const toe = along(ankle, thighAngle - out * p.knee[side] + out * (90 + p.ankle[side]), BODY.toe / 2);
    seg('thigh', side, hip, knee);
    seg('shank', side, knee, ankle);
    seg('foot', side, ankle, toe);
    knees.push(knee);
    ankles.push(ankle);
    heels.push(ankle);
    toes.push(toe);
  }
  const t = (points: Point[]) => points.map(tilt) as [Point, Point];
  return {
    view: 'front',
    segments,
    head: tilt(head),
    joints: {
      pelvis,
      shoulder: t(shoulders),
      hand: t(hands),
      knee: t(knees),
      ankle: t(ankles),
      heel: t(heels),
      toe: t(toes),
    },
  };
}
