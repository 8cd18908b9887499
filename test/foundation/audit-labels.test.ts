// Every action the server writes to the audit has a label in both languages: the case history and
// the audit page show the label, never the key (review.penalty showed as itself on a ticket).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zh } from '../../web/src/app/i18n/zh.js';
import { en } from '../../web/src/app/i18n/en.js';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('audit action labels', () => {
  it('labels every action in zh and en', () => {
    const actions = new Set<string>();
    for (const file of sources('src')) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/action: ['`]([a-z_.]+)(\$\{[^}]+\})?['`]/g)) {
        // review.${kind}: a reward or a penalty
        if (m[2]) for (const kind of ['reward', 'penalty']) actions.add(`${m[1]}${kind}`);
        else actions.add(m[1]);
      }
    }
    expect(actions.size).toBeGreaterThan(40);
    const missing = [...actions].filter((a) => !(`action.${a}` in zh) || !(`action.${a}` in en));
    expect(missing).toEqual([]);
  });
});
