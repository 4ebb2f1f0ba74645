/** One entry of the explainer's dictionary, written by us. */
export interface Term {
  /** The form shown as the entry's heading; also the source of its id. */
  forms: readonly [string, ...string[]];
  /** 1–3 sentences of plain Danish. */
  explanation: string;
  /** An ordbog article worth reading next (slug; must exist in the imported content). */
  ordbog?: string;
  group: TermGroup;
}

export type TermGroup = 'anatomi' | 'fund' | 'retning' | 'undersøgelse';

/** Compact constructor for the data files: forms as reports write them (Danish, Latin, English). */
export function term(group: TermGroup, forms: Term['forms'], explanation: string, ordbog?: string): Term {
  return ordbog ? { group, forms, explanation, ordbog } : { group, forms, explanation };
}
