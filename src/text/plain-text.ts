/**
 * Text that people write on the site (reviews, answers, comments): kept as plain text, never
 * HTML or Markdown. Line endings become "\n", control characters (other than line breaks and
 * tabs) go, runs of more than two line breaks shrink to one empty line, and the ends are
 * trimmed. The views escape it and split it into paragraphs and lines; links stay text.
 */
export function normalizePlainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "Mette Kjær Hansen" → "Mette H."; one name stays as it is. What a review is published under. */
export function firstNameAndInitial(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'Anonym';
  const first = parts[0]!;
  if (parts.length === 1) return first;
  const last = parts.at(-1)!;
  return `${first} ${[...last][0]!.toLocaleUpperCase('da-DK')}.`;
}
