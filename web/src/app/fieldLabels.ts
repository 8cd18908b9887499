// The words for a field an error names: a reply's `details[].path` is a wire path
// (`form.devices.5.serialNumber`); people read it as 设备清单 · 第 6 行 · 序列号. The labels come
// from the process definition (remembered when it loads) and the dictionary's field words.
import type { Lang } from './i18n';

interface Labelled {
  key: string;
  label: { zh: string; en: string };
  columns?: Labelled[];
  fields?: Labelled[];
}

const known = new Map<string, { zh: string; en: string }>();

/** Remember every field and column label of the definition's forms (the first form naming a key wins). */
export function rememberFieldLabels(def: { forms?: Record<string, { fields: Labelled[] }> } | null | undefined): void {
  const walk = (fields: Labelled[] | undefined) => {
    for (const f of fields ?? []) {
      if (!known.has(f.key)) known.set(f.key, f.label);
      walk(f.columns);
      walk(f.fields);
    }
  };
  for (const form of Object.values(def?.forms ?? {})) walk(form.fields);
}

/** The wrappers of a request body that say nothing to the reader. */
const WRAPPERS = new Set(['body', 'form', 'query', 'params', 'querystring']);

/** A wire path in people's words; `''` when nothing of it is worth saying. */
export function describePath(path: string, lang: Lang, words: (key: string) => string | undefined = () => undefined): string {
  const segs = path.split(/[.[\]]+/).filter(Boolean);
  const parts: string[] = [];
  segs.forEach((seg, i) => {
    if (/^\d+$/.test(seg)) parts.push(lang === 'zh' ? `第 ${Number(seg) + 1} 行` : `row ${Number(seg) + 1}`);
    else if (i === 0 && WRAPPERS.has(seg) && segs.length > 1) return;
    else parts.push(known.get(seg)?.[lang] ?? words(seg) ?? seg);
  });
  return parts.join(' · ');
}
