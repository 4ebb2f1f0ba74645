import { describe, expect, it } from 'vitest';
import { NBSP } from '../../text/numbers.js';
import { acceptingText } from './clinic-card.js';

describe('acceptingText: what a card says about new patients', () => {
  const today = '2026-12-07';
  it('says what the owner stated, with the waiting time', () => {
    expect(acceptingText({ acceptingPatients: true, waitingWeeks: 3, acceptingStatedOn: '2026-11-20' }, today)).toBe(`Tager imod nye patienter (ventetid ca. 3${NBSP}uger)`);
    expect(acceptingText({ acceptingPatients: true, waitingWeeks: 1, acceptingStatedOn: '2026-11-20' }, today)).toBe(`Tager imod nye patienter (ventetid ca. 1${NBSP}uge)`);
    expect(acceptingText({ acceptingPatients: true, waitingWeeks: 0, acceptingStatedOn: null }, today)).toBe('Tager imod nye patienter (ingen ventetid)');
    expect(acceptingText({ acceptingPatients: true, waitingWeeks: null, acceptingStatedOn: null }, today)).toBe('Tager imod nye patienter');
    expect(acceptingText({ acceptingPatients: false, waitingWeeks: 4, acceptingStatedOn: '2026-12-01' }, today)).toBe('Tager ikke imod nye patienter lige nu');
  });

  it('names the day of a statement more than 30 days old: waiting times change', () => {
    expect(acceptingText({ acceptingPatients: true, waitingWeeks: 3, acceptingStatedOn: '2026-11-07' }, today)).toBe(`Tager imod nye patienter (ventetid ca. 3${NBSP}uger)`);
    expect(acceptingText({ acceptingPatients: true, waitingWeeks: 3, acceptingStatedOn: '2026-11-06' }, today)).toBe(`Tager imod nye patienter (ventetid ca. 3${NBSP}uger, oplyst 6. november 2026)`);
    expect(acceptingText({ acceptingPatients: false, waitingWeeks: null, acceptingStatedOn: '2026-03-02' }, today)).toBe('Tager ikke imod nye patienter lige nu (oplyst 2. marts 2026)');
  });
});
