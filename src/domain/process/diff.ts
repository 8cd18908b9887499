// The differences between two process definitions, each as a path into the definition and a
// sentence in Chinese a manager reads before publishing (`经理审核: 截止 1 → 2 个工作日`).
// Lists of fields are compared by field key, so a field moved is not a field removed and added.
import type { FieldSpec, ProcessDefinition } from './definition.js';

export interface Change {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  text: string;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);
const keyed = (v: Json): v is { key: string }[] => Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.key === 'string');
const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

interface RawChange { path: string[]; kind: Change['kind']; before?: Json; after?: Json }

function walk(before: Json, after: Json, path: string[], out: RawChange[]) {
  if (same(before, after)) return;
  if (isObject(before) && isObject(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!(k in after)) out.push({ path: [...path, k], kind: 'removed', before: before[k] });
      else if (!(k in before)) out.push({ path: [...path, k], kind: 'added', after: after[k] });
      else walk(before[k], after[k], [...path, k], out);
    }
    return;
  }
  if (keyed(before) && keyed(after)) {
    const b = new Map(before.map((x) => [x.key, x]));
    const a = new Map(after.map((x) => [x.key, x]));
    for (const [k, v] of b) if (!a.has(k)) out.push({ path: [...path, k], kind: 'removed', before: v });
    for (const [k, v] of a) {
      if (!b.has(k)) out.push({ path: [...path, k], kind: 'added', after: v });
      else walk(b.get(k), v, [...path, k], out);
    }
    const order = (l: { key: string }[], keep: Map<string, unknown>) => l.map((x) => x.key).filter((k) => keep.has(k));
    if (!same(order(before, a), order(after, b))) out.push({ path: [...path, '(order)'], kind: 'changed', before: before.map((x) => x.key), after: after.map((x) => x.key) });
    return;
  }
  out.push({ path, kind: 'changed', before, after });
}

const yesNo = (v: Json) => (v ? '是' : '否');

/** Each difference from `before` to `after`, with a Chinese sentence. */
/** A tier's clock in words: 7×24, 工作日营业时间, 工作日 08:00–20:00. */
export function clockText(clock: ProcessDefinition['tiers'][string]['clock'] | undefined): string {
  if (clock === undefined) return '无';
  if (clock === '24x7') return '7×24';
  if (clock === 'business') return '工作日营业时间';
  return `工作日 ${clock.periods.map((p) => `${p.start}–${p.end}`).join('、')}`;
}

export function diffDefinitions(before: ProcessDefinition, after: ProcessDefinition): Change[] {
  const raw: RawChange[] = [];
  const strip = (d: ProcessDefinition) => ({ ...d, version: undefined });
  walk(JSON.parse(JSON.stringify(strip(before))), JSON.parse(JSON.stringify(strip(after))), [], raw);

  const roleName = (r: Json) => String((after.roles as Record<string, { label: { zh: string } }>)[String(r)]?.label.zh
    ?? (before.roles as Record<string, { label: { zh: string } }>)[String(r)]?.label.zh ?? r);
  const deptName = (d: Json) => String((after.departments as Record<string, { label: { zh: string } }>)[String(d)]?.label.zh
    ?? (before.departments as Record<string, { label: { zh: string } }>)[String(d)]?.label.zh ?? d);
  const list = (v: Json, name: (x: Json) => string) => (Array.isArray(v) && v.length ? v.map(name).join('、') : '无');
  const stepName = (k: string) => after.steps[k]?.label.zh ?? before.steps[k]?.label.zh ?? k;
  const formName = (k: string) => after.forms[k]?.title.zh ?? before.forms[k]?.title.zh ?? k;
  const show = (v: Json): string => {
    if (v === undefined || v === null) return '无';
    if (typeof v === 'boolean') return yesNo(v);
    if (isObject(v) && typeof v.zh === 'string') return v.zh;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    return JSON.stringify(v);
  };
  const dueText = (v: Json): string => {
    if (!isObject(v)) return show(v);
    if ('none' in v) return '无截止';
    if ('endOfDayOfField' in v) return `字段 ${String(v.endOfDayOfField)} 所定日期当天下班`;
    const clock = v.tier === 'customer' ? '（按客户服务时钟）' : '';
    const from = v.from === 'case_created' ? '自立案起 ' : '';
    return `${from}${String(v.days)} 个工作日${clock}`;
  };
  const assignText = (v: Json) => (v === 'case_owner' ? '案件负责人' : v === 'pool' ? '角色任务池' : isObject(v) ? `字段 ${String(v.fromField)} 指定的人` : show(v));

  function fieldAt(formKey: string, keys: string[], def: ProcessDefinition): FieldSpec | undefined {
    let fields: FieldSpec[] = def.forms[formKey]?.fields ?? [];
    let f: FieldSpec | undefined;
    for (const k of keys) {
      f = fields.find((x) => x.key === k);
      if (!f) return undefined;
      fields = [...(f.fields ?? []), ...(f.columns ?? [])];
    }
    return f;
  }

  function stepText(c: RawChange): string {
    const [, key, attr, ...rest] = c.path;
    const who = stepName(key);
    if (attr === undefined) return c.kind === 'added' ? `新增步骤 ${who}` : `删除步骤 ${who}`;
    const b = c.before, a = c.after;
    switch (attr) {
      case 'label': return `${who}: 名称 ${show(rest[0] ? before.steps[key]?.label : b)} → ${show(rest[0] ? after.steps[key]?.label : a)}`;
      case 'role': return `${who}: 负责角色 ${roleName(b)} → ${roleName(a)}`;
      case 'alsoRoles': return `${who}: 协办角色 ${list(b, roleName)} → ${list(a, roleName)}`;
      case 'due': return `${who}: 截止 ${dueText(before.steps[key]?.due).replace(/ 个工作日/, '')} → ${dueText(after.steps[key]?.due)}`;
      case 'assign': return `${who}: 分派 ${assignText(before.steps[key]?.assign)} → ${assignText(after.steps[key]?.assign)}`;
      case 'longAfterDays': return `${who}: 超过 ${show(b)} → ${show(a)} 个工作日视为长期`;
      case 'partnerAllowed': return `${who}: 可交外包服务商 ${yesNo(b)} → ${yesNo(a)}`;
      case 'outcomes': {
        const [o, part] = rest;
        const label = after.steps[key]?.outcomes[o]?.label.zh ?? before.steps[key]?.outcomes[o]?.label.zh ?? o;
        if (!part) return c.kind === 'added' ? `${who}: 新增结果 ${label}` : `${who}: 删除结果 ${label}`;
        if (part === 'next') return `${who}: 结果 ${label} 的下一步 ${list(b, (s) => stepName(String(s)))} → ${list(a, (s) => stepName(String(s)))}`;
        if (part === 'end') return `${who}: 结果 ${label} 的结束状态 ${show(b)} → ${show(a)}`;
        if (part === 'form') return `${who}: 结果 ${label} 的表单 ${b ? formName(String(b)) : '无'} → ${a ? formName(String(a)) : '无'}`;
        return `${who}: 结果 ${label} 的 ${rest.slice(1).join('.')} ${show(b)} → ${show(a)}`;
      }
      default: return `${who}: ${[attr, ...rest].join('.')} ${show(b)} → ${show(a)}`;
    }
  }

  function formText(c: RawChange): string {
    const [, key, attr, ...rest] = c.path;
    const who = formName(key);
    if (attr === undefined) return c.kind === 'added' ? `新增表单 ${who}` : `删除表单 ${who}`;
    if (attr === 'title') return `${who}: 标题 ${show(before.forms[key]?.title)} → ${show(after.forms[key]?.title)}`;
    if (attr === 'prefix') return `${who}: 编号前缀 ${show(c.before)} → ${show(c.after)}`;
    if (attr === 'copies') return `${who}: 分发联 ${list(before.forms[key]?.copies, deptName)} → ${list(after.forms[key]?.copies, deptName)}`;
    if (attr === 'fields') {
      const keys = rest.slice(0, -1).filter((k) => k !== 'fields' && k !== 'columns');
      if (rest.at(-1) === '(order)') return `${who}: 字段顺序 ${list(c.before, (k) => fieldAt(key, [...keys, String(k)], before)?.label.zh ?? String(k))} → ${list(c.after, (k) => fieldAt(key, [...keys, String(k)], after)?.label.zh ?? String(k))}`;
      // the deepest field key on the path, then the attribute changed
      const fieldKeys: string[] = [];
      let i = 0;
      for (; i < rest.length; i++) {
        if (i > 0 && (rest[i] === 'fields' || rest[i] === 'columns')) continue;
        if (fieldAt(key, [...fieldKeys, rest[i]], after) || fieldAt(key, [...fieldKeys, rest[i]], before)) fieldKeys.push(rest[i]);
        else break;
      }
      const field = fieldAt(key, fieldKeys, after) ?? fieldAt(key, fieldKeys, before);
      const name = field?.label.zh ?? fieldKeys.join('.');
      const prop = rest.slice(i);
      if (!prop.length) return c.kind === 'added' ? `${who}: 新增字段 ${name}` : c.kind === 'removed' ? `${who}: 删除字段 ${name}` : `${who}: 字段 ${name} 已修改`;
      const fb = fieldAt(key, fieldKeys, before), fa = fieldAt(key, fieldKeys, after);
      switch (prop[0]) {
        case 'required': return `${who}: 字段 ${name} 必填 ${yesNo(fb?.required)} → ${yesNo(fa?.required)}`;
        case 'hidden': return `${who}: 字段 ${name} ${fa?.hidden ? '隐藏（已有单据保留其值）' : '重新显示'}`;
        case 'label': return `${who}: 字段 ${show(fb?.label)} 改名为 ${show(fa?.label)}`;
        case 'type': return `${who}: 字段 ${name} 类型 ${show(c.before)} → ${show(c.after)}`;
        case 'options': return `${who}: 字段 ${name} 选项 ${list(fb?.options, (o) => show((o as { label: Json }).label))} → ${list(fa?.options, (o) => show((o as { label: Json }).label))}`;
        case 'filledBy': return `${who}: 字段 ${name} 填写角色 ${list(fb?.filledBy, roleName)} → ${list(fa?.filledBy, roleName)}`;
        case 'print': return `${who}: 字段 ${name} 打印 ${fb?.print === false ? '否' : '是'} → ${fa?.print === false ? '否' : '是'}`;
        default: return `${who}: 字段 ${name} ${prop.join('.')} ${show(c.before)} → ${show(c.after)}`;
      }
    }
    return `${who}: ${[attr, ...rest].join('.')} ${show(c.before)} → ${show(c.after)}`;
  }

  function text(c: RawChange): string {
    const [top, key, attr] = c.path;
    if (top === 'steps') return stepText(c);
    if (top === 'forms') return formText(c);
    if (top === 'roles') {
      const name = roleName(key);
      if (!attr) return c.kind === 'added' ? `新增角色 ${name}` : `删除角色 ${name}`;
      if (attr === 'department') return `角色 ${name}: 部门 ${deptName(c.before)} → ${deptName(c.after)}`;
      return `角色 ${name}: ${c.path.slice(2).join('.')} ${show(c.before)} → ${show(c.after)}`;
    }
    if (top === 'departments') {
      const name = deptName(key);
      if (!attr) return c.kind === 'added' ? `新增部门 ${name}` : `删除部门 ${name}`;
      if (attr === 'manager') return `部门 ${name}: 经理 ${c.before ? roleName(c.before) : '无'} → ${c.after ? roleName(c.after) : '无'}`;
      return `部门 ${name}: ${c.path.slice(2).join('.')} ${show(c.before)} → ${show(c.after)}`;
    }
    if (top === 'ticketCloseDays') return `工单结案期限 ${show(c.before)} → ${show(c.after)} 天`;
    if (top === 'secondMeetingAfterDays') return `第二次会面 ${show(c.before)} → ${show(c.after)} 天后`;
    // a payment model by its label on the contract form (the paymentModel select), else its key
    const modelName = (m: Json) => {
      for (const d of [after, before]) {
        for (const f of Object.values(d.forms)) {
          const label = f.fields.find((x) => x.key === 'paymentModel')?.options?.find((o) => o.value === m)?.label.zh;
          if (label) return label;
        }
      }
      return String(m);
    };
    if (top === 'tiers') {
      const name = after.tiers[key]?.label.zh ?? before.tiers[key]?.label.zh ?? key;
      if (!attr) return c.kind === 'added' ? `新增服务等级 ${name}（${clockText(after.tiers[key]?.clock)}）` : `删除服务等级 ${name}`;
      if (attr === 'clock') return `服务等级 ${name}: 工作时钟 ${clockText(before.tiers[key]?.clock)} → ${clockText(after.tiers[key]?.clock)}`;
      if (attr === 'revisitIntervalDays') return `服务等级 ${name}: 回访间隔 ${show(c.before)} → ${show(c.after)} 天`;
      if (attr === 'paymentModels') return `服务等级 ${name}: 付款方式 ${list(before.tiers[key]?.paymentModels, modelName)} → ${list(after.tiers[key]?.paymentModels, modelName)}`;
      return `服务等级 ${name}: ${c.path.slice(2).join('.')} ${show(c.before)} → ${show(c.after)}`;
    }
    if (top === 'name') return `流程名称 ${show(c.before)} → ${show(c.after)}`;
    return `${c.path.join('.')}: ${c.kind === 'added' ? `新增 ${show(c.after)}` : c.kind === 'removed' ? `删除 ${show(c.before)}` : `${show(c.before)} → ${show(c.after)}`}`;
  }

  // one sentence per step deadline, however many of its parts changed
  const seen = new Set<string>();
  const out: Change[] = [];
  for (const c of raw) {
    // a tier's clock and payment models read as one sentence each, like a step's deadline
    const isDue = (c.path[0] === 'steps' && c.path[2] === 'due') || (c.path[0] === 'tiers' && (c.path[2] === 'clock' || c.path[2] === 'paymentModels') && c.path.length > 3);
    const path = isDue ? c.path.slice(0, 3) : c.path;
    const id = path.join('.');
    if (seen.has(id)) continue;
    seen.add(id);
    const whole = (d: ProcessDefinition) => (c.path[0] === 'steps' ? d.steps[c.path[1]]?.due : (d.tiers[c.path[1]] as Record<string, unknown> | undefined)?.[c.path[2]]) as Json | undefined;
    const merged = isDue ? { path, kind: 'changed' as const, before: whole(before), after: whole(after) } : c;
    out.push({ path: id, kind: merged.kind, ...(merged.before !== undefined ? { before: merged.before } : {}), ...(merged.after !== undefined ? { after: merged.after } : {}), text: text(merged) });
  }
  return out;
}
