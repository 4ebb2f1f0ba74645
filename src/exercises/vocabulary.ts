/**
 * The fixed vocabularies an exercise is described with: body regions and equipment, each a
 * stable slug with its Danish display name. Body regions are meant to be shared with articles,
 * specialties and the body map; until they get their own table, this list is the one source.
 */

export const BODY_REGIONS = {
  nakke: 'Nakke',
  skulder: 'Skulder',
  albue: 'Albue',
  'haandled-og-haand': 'Håndled og hånd',
  'oevre-ryg': 'Øvre ryg',
  laend: 'Lænd',
  hofte: 'Hofte',
  laar: 'Lår',
  knae: 'Knæ',
  'underben-og-achilles': 'Underben og achilles',
  'ankel-og-fod': 'Ankel og fod',
  core: 'Core',
  balance: 'Balance',
  kondition: 'Kondition',
} as const;

export type BodyRegion = keyof typeof BODY_REGIONS;
export const BODY_REGION_SLUGS = Object.keys(BODY_REGIONS) as [BodyRegion, ...BodyRegion[]];

export const EQUIPMENT = {
  ingen: 'Intet udstyr',
  elastik: 'Elastik',
  stol: 'Stol',
  trappetrin: 'Trappetrin',
  bold: 'Bold',
  haandvaegte: 'Håndvægte',
  maatte: 'Måtte',
  vaeg: 'Væg',
  haandklaede: 'Håndklæde',
} as const;

export type Equipment = keyof typeof EQUIPMENT;
export const EQUIPMENT_SLUGS = Object.keys(EQUIPMENT) as [Equipment, ...Equipment[]];
