import { describe, expect, it } from 'vitest';
import { danishCommanderError } from './commander-danish.js';

describe('Commander usage errors in Danish', () => {
  it('says the errors a user meets in Danish, keeping the suggestion', () => {
    expect(danishCommanderError("error: required option '--email <adresse>' not specified\n")).toBe('Fejl: tilvalget --email <adresse> skal angives\n');
    expect(danishCommanderError("error: option '--role <rolle>' argument missing\n")).toBe('Fejl: tilvalget --role <rolle> mangler en værdi\n');
    expect(danishCommanderError("error: missing required argument 'navn'\n")).toBe('Fejl: argumentet <navn> mangler\n');
    expect(danishCommanderError("error: unknown command 'lst'\n(Did you mean list?)\n")).toBe('Fejl: ukendt kommando lst (mente du list?)\n');
    expect(danishCommanderError("error: unknown option '--rol'\n(Did you mean --role?)\n")).toBe('Fejl: ukendt tilvalg --rol (mente du --role?)\n');
    expect(danishCommanderError("error: too many arguments for 'list'. Expected 0 arguments but got 1.\n")).toBe('Fejl: for mange argumenter til list\n');
  });

  it('passes on what it does not know as Commander wrote it', () => {
    expect(danishCommanderError('error: something new\n')).toBe('error: something new\n');
  });
});
