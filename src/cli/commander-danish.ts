/**
 * Commander writes its own usage errors in English ("error: required option '--email <adresse>'
 * not specified"); the CLI speaks Danish, so the ones a user meets are said again in Danish.
 * An error not listed here is passed on as Commander wrote it.
 */
const MESSAGES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^error: required option '(.+)' not specified/, (m) => `tilvalget ${m[1]} skal angives`],
  [/^error: option '(.+)' argument missing/, (m) => `tilvalget ${m[1]} mangler en værdi`],
  [/^error: missing required argument '(.+)'/, (m) => `argumentet <${m[1]}> mangler`],
  [/^error: unknown option '(.+?)'/, (m) => `ukendt tilvalg ${m[1]}`],
  [/^error: unknown command '(.+?)'/, (m) => `ukendt kommando ${m[1]}`],
  [/^error: too many arguments(?: for '(.+?)')?/, (m) => `for mange argumenter${m[1] ? ` til ${m[1]}` : ''}`],
];

export function danishCommanderError(text: string): string {
  for (const [pattern, say] of MESSAGES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const suggestion = /\(Did you mean (.+)\?\)/.exec(text);
    return `Fejl: ${say(match)}${suggestion ? ` (mente du ${suggestion[1]}?)` : ''}\n`;
  }
  return text;
}
