/** A substring pattern for ILIKE in which the user's % _ \ are taken literally. */
export const containsPattern = (s: string) => `%${s.trim().replace(/[\\%_]/g, '\\$&')}%`;
