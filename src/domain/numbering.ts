// Document numbers: <prefix>-<year>-<6-digit sequence>, gap-free per prefix and year.
export function formatDocNumber(prefix: string, year: number, seq: number, digits = 6): string {
  return `${prefix}-${year}-${String(seq).padStart(digits, '0')}`;
}
