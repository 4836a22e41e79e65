/** CSV text of a dbt seed: a header, then one line per row; empty cells are NULL. */
function csvCell(value: string | null | undefined): string {
  const s = value ?? '';
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toSeedCsv(
  header: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
