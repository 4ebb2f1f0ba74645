import { render } from 'preact-render-to-string';
import type { Part, Segment } from './pose.js';
import { type Picture, type Scene, type Shape, VIEW, layoutScene } from './scene.js';

/**
 * The start and end picture of an exercise as accessible SVG: role="img" with a Danish title
 * and description. Pure and deterministic: the same scene always gives the same bytes.
 */

const COLOURS = {
  near: { torso: '#2f6fa8', arm: '#2f6fa8', forearm: '#e8b48a', hand: '#e8b48a', neck: '#e8b48a', thigh: '#34495e', shank: '#34495e', foot: '#1f2a36' },
  far: { torso: '#2f6fa8', arm: '#8fb3d6', forearm: '#f1cfb0', hand: '#f1cfb0', neck: '#e8b48a', thigh: '#8a9bab', shank: '#8a9bab', foot: '#6c7a88' },
} satisfies Record<string, Record<Part, string>>;

const SHAPE_COLOURS: Record<string, string> = {
  mat: '#7fb77e',
  chair: '#a0764f',
  step: '#b9a88f',
  ball: '#f0a23b',
  wall: '#d9d4cc',
  dumbbell: '#4a4a4a',
  band: '#d9473f',
  anchor: '#4a4a4a',
};

export interface PictureText {
  /** Unique on the page: the SVG's title and description ids derive from it. */
  id: string;
  title: string;
  description: string;
}

export function exercisePictures(scene: Scene, text: { id: string; name: string }): { start: string; end: string } {
  const { start, end } = layoutScene(scene);
  return {
    start: pictureSvg(start, { id: `${text.id}-start`, title: `${text.name}: start`, description: scene.start.label }),
    end: pictureSvg(end, { id: `${text.id}-slut`, title: `${text.name}: slut`, description: scene.end.label }),
  };
}

export function pictureSvg(picture: Picture, text: PictureText): string {
  return render(<PictureSvg picture={picture} text={text} />);
}

function PictureSvg({ picture, text }: { picture: Picture; text: PictureText }) {
  const { figure } = picture;
  const order = (s: Segment) => (figure.view === 'side' ? (s.side === 1 ? 0 : s.part === 'torso' || s.part === 'neck' ? 1 : 2) : s.part === 'torso' || s.part === 'neck' ? 1 : 0);
  const layers = [0, 1, 2].map((layer) => figure.segments.filter((s) => order(s) === layer));
  const eye = figure.view === 'side' ? eyeOf(picture) : null;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
      role="img"
      aria-labelledby={`${text.id}-titel ${text.id}-beskrivelse`}
      class="oevelse-tegning"
    >
      <title id={`${text.id}-titel`}>{text.title}</title>
      <desc id={`${text.id}-beskrivelse`}>{text.description}</desc>
      <line x1={0} y1={VIEW.floor} x2={VIEW.width} y2={VIEW.floor} stroke="#b8b2a7" stroke-width={2} />
      {picture.behind.map(shapeElement)}
      {layers[0]?.map((s) => segmentElement(s, figure.view))}
      {layers[1]?.map((s) => segmentElement(s, figure.view))}
      <circle cx={fix(figure.head.x)} cy={fix(figure.head.y)} r={11} fill="#f1c8a4" stroke="#7a5a40" stroke-width={1.5} />
      {eye ? <circle cx={fix(eye.x)} cy={fix(eye.y)} r={1.6} fill="#3b2a1e" /> : null}
      {layers[2]?.map((s) => segmentElement(s, figure.view))}
      {picture.front.map(shapeElement)}
    </svg>
  );
}

function eyeOf(picture: Picture) {
  const neck = picture.figure.segments.find((s) => s.part === 'neck');
  if (!neck) return null;
  const dx = neck.to.x - neck.from.x;
  const dy = neck.to.y - neck.from.y;
  const len = Math.hypot(dx, dy) || 1;
  const up = { x: dx / len, y: dy / len };
  const forward = { x: -up.y, y: up.x };
  const h = picture.figure.head;
  return { x: h.x + forward.x * 5 + up.x * 2, y: h.y + forward.y * 5 + up.y * 2 };
}

/** Seen from the side, the far limbs are paler; seen from the front, both sides look alike. */
function segmentElement(s: Segment, view: Picture['figure']['view']) {
  const colour = (s.side === 0 || view === 'front' ? COLOURS.near : COLOURS.far)[s.part];
  return (
    <line
      x1={fix(s.from.x)}
      y1={fix(s.from.y)}
      x2={fix(s.to.x)}
      y2={fix(s.to.y)}
      stroke={colour}
      stroke-width={s.width}
      stroke-linecap="round"
      data-del={s.part}
    />
  );
}

function shapeElement(shape: Shape) {
  const colour = SHAPE_COLOURS[shape.role] ?? '#888';
  if (shape.type === 'rect') {
    return <rect x={fix(shape.x)} y={fix(shape.y)} width={fix(shape.w)} height={fix(shape.h)} rx={2} fill={colour} />;
  }
  if (shape.type === 'circle') {
    return <circle cx={fix(shape.cx)} cy={fix(shape.cy)} r={fix(shape.r)} fill={colour} fill-opacity={shape.role === 'ball' ? 0.85 : 1} />;
  }
  return (
    <line
      x1={fix(shape.from.x)}
      y1={fix(shape.from.y)}
      x2={fix(shape.to.x)}
      y2={fix(shape.to.y)}
      stroke={colour}
      stroke-width={shape.width}
      stroke-linecap="round"
    />
  );
}

/** One decimal is finer than a pixel and keeps the output stable across platforms. */
function fix(n: number): number {
  return Math.round(n * 10) / 10;
}
