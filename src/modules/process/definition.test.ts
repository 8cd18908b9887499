// A definition is refused at start-up with a message naming the step and the field (issue 9 §2).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PROCESS } from '../../domain/process/default-process.js';
import { DefinitionError, type RawProcessDefinition } from '../../domain/process/definition.js';
import { formInputSchema } from '../../domain/process/fields.js';
import { validateDefinition } from './service.js';
import { createContext } from '../../server/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { customProcess } from '../../../test/support/custom-process.js';
import { splitTechnicalDepartment } from '../../../test/support/split-department.js';

const copy = () => structuredClone(DEFAULT_PROCESS) as RawProcessDefinition & { steps: Record<string, any>; forms: Record<string, any> };

function refusal(def: unknown): string {
  try {
    validateDefinition(def);
  } catch (e) {
    expect(e).toBeInstanceOf(DefinitionError);
    return (e as Error).message;
  }
  throw new Error('the definition was accepted');
}

describe('the process definition', () => {
  it('accepts the default and the custom definition, and round-trips: what is served parses again unchanged', () => {
    const def = validateDefinition(DEFAULT_PROCESS);
    expect(validateDefinition(JSON.parse(JSON.stringify(def)))).toEqual(def);
    expect(validateDefinition(customProcess()).steps.site_assessment.kind).toBe('assessment');
  });

  it('refuses a step naming an unknown effect', () => {
    const def = copy();
    def.steps.negotiation.outcomes.signed.effects = ['deal.contract', 'deal.sendFlowers'];
    const m = refusal(def);
    expect(m).toContain('steps.negotiation.outcomes.signed.effects');
    expect(m).toContain('unknown effect deal.sendFlowers');
  });

  it('refuses an effect reading a field its form lacks', () => {
    const def = copy();
    def.forms.contract.fields = def.forms.contract.fields.filter((f: { key: string }) => f.key !== 'amountFen');
    const m = refusal(def);
    expect(m).toContain('steps.negotiation.outcomes.signed.effects');
    expect(m).toContain('effect deal.contract reads field amountFen that form contract lacks');
  });

  it('refuses an unreachable step', () => {
    const def = copy();
    def.steps.site_visit = { ...def.steps.tech_assessment };
    expect(refusal(def)).toContain('steps.site_visit: step site_visit is unreachable from the starts');
  });

  it('refuses a step without an owner role, or with an unknown one', () => {
    const def = copy();
    delete def.steps.procurement.role;
    expect(refusal(def)).toContain('steps.procurement.role: has no owner role');
    def.steps.procurement.role = 'janitor';
    expect(refusal(def)).toContain('steps.procurement.role: unknown role janitor');
  });

  it('roles and departments (issue 10): adds a role like a built-in one and a department; refuses unknown ones, a removed built-in, an unsafe key', () => {
    const split = validateDefinition(splitTechnicalDepartment(DEFAULT_PROCESS));
    expect(split.roles.aftersales_manager).toMatchObject({ department: 'aftersales', like: 'tech_manager' });
    expect(split.departments.aftersales.manager).toBe('aftersales_manager');
    const def = copy() as any;
    def.roles.night_engineer = { label: { zh: '夜班工程师', en: 'Night engineer' }, department: 'night_shift', like: 'engineer' };
    def.departments.field = { label: { zh: '外勤部', en: 'Field' }, manager: 'field_boss' };
    def.forms.revisit.copies.push('nowhere');
    def.steps.revisit.role = 'ghost';
    delete def.roles.gm;
    const m = refusal(def);
    expect(m).toContain('roles.night_engineer.department: role night_engineer: unknown department night_shift');
    expect(m).toContain('departments.field.manager: department field: unknown manager role field_boss');
    expect(m).toContain('forms.revisit.copies.1: form revisit: unknown department nowhere');
    expect(m).toContain('roles.gm: built-in role gm cannot be removed');
    // like names a built-in role; a key is lowercase letters, digits and _
    const shape = copy() as any;
    shape.roles.night_engineer = { label: { zh: '夜班工程师', en: 'Night engineer' }, department: 'technical', like: 'janitor' };
    shape.roles['Bad-Key'] = { label: { zh: '坏', en: 'Bad' }, department: 'it' };
    const bad = refusal(shape);
    expect(bad).toContain('roles.night_engineer.like: like must be one of the built-in roles');
    expect(bad).toContain('not janitor');
    expect(bad).toContain('roles.Bad-Key');
    const built = copy() as any;
    built.roles.engineer.like = 'tech_manager';
    expect(refusal(built)).toContain('roles.engineer.like: built-in role engineer cannot be like another role');
    const step = copy() as any;
    step.steps.revisit.role = 'ghost';
    expect(refusal(step)).toContain('steps.revisit.role: unknown role ghost');
  });
  it('refuses a transition naming an unknown form, a next step that does not exist, and a select without options', () => {
    const def = copy();
    def.steps.gm_approval.outcomes.approve.form = 'gm_memo';
    def.steps.answer.outcomes.done.next = ['callback'];
    def.forms.survey.fields.push({ key: 'carrier', type: 'select', label: { zh: '运营商', en: 'Carrier' } });
    const m = refusal(def);
    expect(m).toContain('steps.gm_approval.outcomes.approve.form: step gm_approval: unknown form gm_memo');
    expect(m).toContain('steps.answer.outcomes.done.next: step answer: unknown next step callback');
    expect(m).toContain('select field carrier needs options');
  });

  it('builds strict input schemas from the fields: required, trimmed, fen, groups, lines', () => {
    const def = validateDefinition(DEFAULT_PROCESS);
    const kx = formInputSchema(def.forms.feasibility);
    expect(kx.safeParse({ feasibility: { operatingMode: ' 买断 ', equipmentInvestmentFen: 1, avgMonthlyGrossProfitFen: 1, maxFluctuationPct: 5 } }).data)
      .toEqual({ feasibility: { operatingMode: '买断', equipmentInvestmentFen: 1, avgMonthlyGrossProfitFen: 1, maxFluctuationPct: 5 } });
    const bad = kx.safeParse({ feasibility: { operatingMode: ' ', equipmentInvestmentFen: 1.5, avgMonthlyGrossProfitFen: 0, maxFluctuationPct: 5 }, paybackMonths: 3 });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      '', 'feasibility.avgMonthlyGrossProfitFen', 'feasibility.equipmentInvestmentFen', 'feasibility.operatingMode',
    ]);
    const jd = formInputSchema(def.forms.tech_assessment);
    expect(jd.safeParse({ implementationDetails: 'x', equipment: [], estimatedDurationDays: 1 }).error?.issues[0].path).toEqual(['equipment']);
    expect(formInputSchema(def.forms.dispatch).safeParse({ engineerIds: ['u1'], scheduledAt: '2026-03-10T09:00:00' }).error?.issues[0].path).toEqual(['scheduledAt']);
  });

  it('refuses to start with a bad definition or PROCESS_FILE, naming the step and the field', async () => {
    const def = copy();
    def.steps.installation.outcomes.done.effects = ['deal.instaled'];
    const config = { ...loadConfig({}), logLevel: 'silent' };
    await expect(createContext(config, { process: def })).rejects.toThrow(/steps\.installation\.outcomes\.done\.effects: step installation names unknown effect deal\.instaled/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-process-'));
    try {
      const file = path.join(dir, 'process.json');
      fs.writeFileSync(file, JSON.stringify(def));
      await expect(createContext({ ...config, processFile: file })).rejects.toThrow(/unknown effect deal\.instaled/);
      fs.writeFileSync(file, '{ not json');
      await expect(createContext({ ...config, processFile: file })).rejects.toThrow(/PROCESS_FILE: .* is not JSON/);
      await expect(createContext({ ...config, processFile: path.join(dir, 'missing.json') })).rejects.toThrow(/PROCESS_FILE: cannot read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
