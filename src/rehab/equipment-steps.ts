/**
 * The steps that equipment comes in: free weights in 0,5 kg or 1 kg steps, elastic bands by
 * colour. Pure; the progression rules (`progression.ts`) ask here for "one step up" and "one
 * step down".
 *
 * The band order is OUR choice, not a standard: the common Theraband-like sequence that
 * Danish clinics stock, lightest first. How much heavier the next colour is differs between
 * brands and we do not know which brand a patient has, so a change of colour is always
 * flagged as a step of more than 10 % (our assumption; it errs towards telling the behandler).
 */

export const BAND_COLOURS = ['beige', 'gul', 'roed', 'groen', 'blaa', 'sort', 'soelv', 'guld'] as const;
export type BandColour = (typeof BAND_COLOURS)[number];

/** The colour's name, and its forms before "elastik": "en grøn elastik", "den grønne elastik". */
export const BAND_LABELS: Record<BandColour, { name: string; indefinite: string; definite: string }> = {
  beige: { name: 'beige', indefinite: 'beige', definite: 'beige' },
  gul: { name: 'gul', indefinite: 'gul', definite: 'gule' },
  roed: { name: 'rød', indefinite: 'rød', definite: 'røde' },
  groen: { name: 'grøn', indefinite: 'grøn', definite: 'grønne' },
  blaa: { name: 'blå', indefinite: 'blå', definite: 'blå' },
  sort: { name: 'sort', indefinite: 'sort', definite: 'sorte' },
  soelv: { name: 'sølv', indefinite: 'sølvfarvet', definite: 'sølvfarvede' },
  guld: { name: 'guld', indefinite: 'guldfarvet', definite: 'guldfarvede' },
};

/** The smallest change the weights allow: cuffs and light dumbbells 0,5 kg, most dumbbells 1 kg. */
export const KG_STEPS = [0.5, 1] as const;
export type KgStep = (typeof KG_STEPS)[number];

/** A load step: the new value, and how big the step is relative to the old one. */
export interface KgChange {
  kg: number;
  /** (new − old) / old, e.g. 0.05 for +5 %; negative going down. */
  fraction: number;
}

// Work in grams so that 0,5 kg steps never meet floating-point remainders.
const grams = (kg: number) => Math.round(kg * 1000);
const kilos = (g: number) => g / 1000;

/**
 * The increase size of the ACSM 2009 position stand (American College of Sports Medicine.
 * Progression models in resistance training for healthy adults. Med Sci Sports Exerc.
 * 2009;41(3):687–708): +2–10 % load. We aim at the middle (+5 %) and take the weight on the
 * equipment's steps nearest to it that stays inside 2–10 %; when no step fits inside (a 1 kg
 * step on 3 kg is 33 %), the answer is one step up and `fraction` says how big that is.
 */
export const INCREASE_MIN = 0.02;
export const INCREASE_MAX = 0.1;
const INCREASE_AIM = 0.05;

export function kgStepUp(kg: number, step: KgStep): KgChange {
  const from = grams(kg);
  const unit = grams(step);
  const low = Math.ceil((from * (1 + INCREASE_MIN)) / unit) * unit;
  const high = Math.floor((from * (1 + INCREASE_MAX)) / unit) * unit;
  let to: number;
  if (low <= high) {
    const aim = from * (1 + INCREASE_AIM);
    const nearest = Math.round(aim / unit) * unit;
    to = Math.min(high, Math.max(low, nearest));
  } else {
    // No weight on the steps lies within 2–10 %: at least one equipment step.
    to = Math.floor(from / unit) * unit + unit;
  }
  return { kg: kilos(to), fraction: (to - from) / from };
}

/**
 * One step back: −10 % (OUR rule: the size of a step back is not given by the sources), on the
 * equipment's steps, and at least one whole step down. Null when the lightest step would be
 * nothing at all (1 kg on 1 kg steps): then the weight comes off (the caller decides how).
 */
export const REDUCTION = 0.1;

export function kgStepDown(kg: number, step: KgStep): KgChange | null {
  const from = grams(kg);
  const unit = grams(step);
  const nearest = Math.round((from * (1 - REDUCTION)) / unit) * unit;
  const oneStepDown = Math.ceil(from / unit) * unit - unit;
  const to = Math.min(nearest, oneStepDown);
  if (to <= 0) return null;
  return { kg: kilos(to), fraction: (to - from) / from };
}

/** The next heavier colour, or null at the heaviest. */
export function bandStepUp(colour: BandColour): BandColour | null {
  return BAND_COLOURS[BAND_COLOURS.indexOf(colour) + 1] ?? null;
}

/** The next lighter colour, or null at the lightest. */
export function bandStepDown(colour: BandColour): BandColour | null {
  const i = BAND_COLOURS.indexOf(colour);
  return i > 0 ? (BAND_COLOURS[i - 1] ?? null) : null;
}
