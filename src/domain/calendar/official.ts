// Official PRC calendar (国务院办公厅 annual holiday notices) as packaged by the
// `chinese-days` npm package. Its JSON maps 'YYYY-MM-DD' to
// "English name,中文名,days-in-lieu" for holidays and make-up working days.
import raw from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarData, CalendarDayOverride } from './types.js';

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function chineseName(entry: string): string | undefined {
  const name = entry.split(',')[1]?.trim();
  return name ? name : undefined;
}

/**
 * Holidays and make-up working days from the chinese-days package.
 * The package answers "plain weekday" for years it has no notice for, so a year
 * counts as official only if the data lists at least one holiday in it.
 */
export function officialCalendarData(): CalendarData {
  const json = raw as unknown as ChineseDaysJson;
  const days: CalendarDayOverride[] = [];
  const years = new Set<number>();
  const push = (date: string, entry: string, kind: CalendarDayOverride['kind']) => {
    const name = chineseName(entry);
    days.push(name === undefined ? { date, kind } : { date, kind, name });
  };
  for (const [date, entry] of Object.entries(json.holidays)) {
    push(date, entry, 'holiday');
    years.add(Number(date.slice(0, 4)));
  }
  for (const [date, entry] of Object.entries(json.workdays)) push(date, entry, 'makeup_workday');
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { days, officialYears: [...years].sort((a, b) => a - b) };
}
