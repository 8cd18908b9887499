import { PgDialect } from 'drizzle-orm/pg-core';
import { engineerCountsQuery } from '../src/modules/management/repo.js';
const q = engineerCountsQuery({ from: new Date('2026-01-31T16:00Z'), to: new Date('2026-02-28T16:00Z'), repairSteps: ['resolve'], followUpSteps: ['follow_up'], installationSteps: ['installation'], satisfiedOutcomes: ['satisfied'], repeatWindowDays: 30 });
const { sql, params } = new PgDialect().sqlToQuery(q);
console.log(sql.replace(/\$(\d+)/g, (_, i) => { const v = params[Number(i) - 1]; return typeof v === 'number' ? String(v) : `'${String(v)}'`; }) + ';');
