/** A user's search text as a LIKE pattern that matches it literally (%, _ and \ escaped). */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
