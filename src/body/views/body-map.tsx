import type { JSX } from 'preact';
import { regionPath } from '../regions.js';

/**
 * The body map: our own figure, front and back, drawn from rounded strokes so it reads as a
 * person. Each region is an SVG <a> to /krop/{region} with its Danish name as the link's
 * accessible name; a region is a link on one figure only (so the keyboard meets each once),
 * and where it also shows on the other figure that copy is for the mouse only (hidden from
 * the accessibility tree and the tab order). Works without JavaScript and without CSS.
 */

export interface MapRegion {
  slug: string;
  name: string;
}

type Shape = JSX.Element;
type Side = 'front' | 'back';

const circle = (cx: number, cy: number, r: number) => <circle cx={cx} cy={cy} r={r} />;
const oval = (cx: number, cy: number, rx: number, ry: number) => <ellipse cx={cx} cy={cy} rx={rx} ry={ry} />;
/** Left and right: the same shape mirrored around the figure's middle (x = 100). */
const pair = (make: (x: number) => Shape, x: number) => [make(x), make(200 - x)];

/** Where each region sits; `link` is the figure whose copy is the link. */
const SPOTS: Record<string, { link: Side; front?: Shape[]; back?: Shape[] }> = {
  nakke: { link: 'back', front: [oval(100, 73, 10, 7)], back: [oval(100, 72, 12, 9)] },
  skulder: { link: 'front', front: pair((x) => circle(x, 94, 12), 62), back: pair((x) => circle(x, 94, 12), 62) },
  albue: { link: 'front', front: pair((x) => circle(x, 158, 10), 50), back: pair((x) => circle(x, 158, 10), 50) },
  'haandled-og-haand': { link: 'front', front: pair((x) => circle(x, 226, 12), 42) },
  'oevre-ryg': { link: 'back', back: [oval(100, 124, 26, 22)] },
  laend: { link: 'back', back: [oval(100, 180, 24, 13)] },
  hofte: { link: 'front', front: pair((x) => oval(x, 214, 13, 11), 74) },
  laar: { link: 'front', front: pair((x) => oval(x, 262, 13, 26), 83), back: pair((x) => oval(x, 262, 13, 26), 83) },
  knae: { link: 'front', front: pair((x) => circle(x, 308, 12), 82), back: pair((x) => circle(x, 308, 11), 82) },
  'underben-og-achilles': { link: 'back', front: pair((x) => oval(x, 348, 9, 20), 81), back: pair((x) => oval(x, 352, 10, 24), 81) },
  'ankel-og-fod': { link: 'front', front: pair((x) => oval(x, 396, 14, 9), 77) },
};

/** The regions the figure shows, in the order of the list beside it. */
export const MAPPED_REGIONS = Object.keys(SPOTS);

function Silhouette({ side }: { side: Side }) {
  return (
    <g class="body-figure" aria-hidden="true">
      {/* Legs and arms are thick round strokes; the torso and head are filled shapes. */}
      <g class="body-limb">
        <path d="M84 226 L82 308 L80 384" stroke-width="28" />
        <path d="M116 226 L118 308 L120 384" stroke-width="28" />
        <path d="M62 100 L50 158" stroke-width="19" />
        <path d="M138 100 L150 158" stroke-width="19" />
        <path d="M50 158 L43 218" stroke-width="15" />
        <path d="M150 158 L157 218" stroke-width="15" />
      </g>
      <path
        class="body-skin"
        d="M72 80 C88 76 112 76 128 80 L140 88 C148 94 148 108 143 118 L137 150 C133 170 133 186 136 200 L139 226 C126 234 74 234 61 226 L64 200 C67 186 67 170 63 150 L57 118 C52 108 52 94 60 88 Z"
      />
      <rect class="body-skin" x="90" y="60" width="20" height="22" rx="6" />
      <circle class="body-skin" cx="43" cy="228" r="9" />
      <circle class="body-skin" cx="157" cy="228" r="9" />
      <ellipse class="body-skin" cx="76" cy="398" rx="13" ry="7" />
      <ellipse class="body-skin" cx="124" cy="398" rx="13" ry="7" />
      <path class="body-shorts" d="M61 198 C80 202 120 202 139 198 L142 232 L135 258 L104 258 L100 240 L96 258 L65 258 L58 232 Z" />
      <circle class="body-skin" cx="77" cy="43" r="5" />
      <circle class="body-skin" cx="123" cy="43" r="5" />
      <ellipse class="body-skin" cx="100" cy="40" rx="23" ry="26" />
      {side === 'front' ? (
        <>
          <path class="body-hair" d="M77 38 C75 10 125 10 123 38 C117 25 106 21 100 23 C92 21 82 27 77 38 Z" />
          <circle class="body-face" cx="91" cy="40" r="2.6" />
          <circle class="body-face" cx="109" cy="40" r="2.6" />
          <path class="body-smile" d="M91 51 Q100 58 109 51" />
        </>
      ) : (
        <>
          <path class="body-hair" d="M77 40 C74 8 126 8 123 40 C124 50 120 58 113 62 L87 62 C80 58 76 50 77 40 Z" />
          <path class="body-line" d="M100 90 L100 194" />
        </>
      )}
    </g>
  );
}

function Figure({ side, regions, label }: { side: Side; regions: readonly MapRegion[]; label: string }) {
  return (
    <figure class="body-map-figure">
      <svg viewBox="0 0 200 412" role="group" aria-label={label} focusable="false">
        <Silhouette side={side} />
        {regions.map((region) => {
          const spot = SPOTS[region.slug];
          const shapes = spot?.[side];
          if (!spot || !shapes) return null;
          const isLink = spot.link === side;
          return (
            <a
              key={region.slug}
              class="body-spot"
              href={regionPath(region.slug)}
              aria-label={isLink ? region.name : undefined}
              aria-hidden={isLink ? undefined : 'true'}
              tabindex={isLink ? undefined : -1}
              data-region={region.slug}
            >
              <title>{region.name}</title>
              {shapes}
            </a>
          );
        })}
      </svg>
      <figcaption aria-hidden="true">{side === 'front' ? 'Forfra' : 'Bagfra'}</figcaption>
    </figure>
  );
}

/** The two figures and, beside them, the same regions as a plain list (and the rest of the regions). */
export function BodyMap({ regions, headingId }: { regions: readonly MapRegion[]; headingId: string }) {
  const mapped = regions.filter((r) => r.slug in SPOTS);
  const others = regions.filter((r) => !(r.slug in SPOTS));
  return (
    <div class="body-map">
      <div class="body-map-figures">
        <Figure side="front" regions={mapped} label="Kroppen forfra: vælg et sted" />
        <Figure side="back" regions={mapped} label="Kroppen bagfra: vælg et sted" />
      </div>
      <nav class="body-map-list" aria-labelledby={headingId}>
        <ul class="term-grid">
          {mapped.map((r) => (
            <li key={r.slug}>
              <a href={regionPath(r.slug)}>{r.name}</a>
            </li>
          ))}
        </ul>
        {others.length > 0 && (
          <p class="body-map-more">
            Træning for hele kroppen:{' '}
            {others.map((r, i) => (
              <span key={r.slug}>
                {i > 0 && ' · '}
                <a href={regionPath(r.slug)}>{r.name}</a>
              </span>
            ))}
          </p>
        )}
      </nav>
    </div>
  );
}
