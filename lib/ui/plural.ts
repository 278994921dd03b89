/** "1 attempt", "4 attempts": English counts for the dashboard, which is in English. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
