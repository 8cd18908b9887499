// A printed form: one A4 page per copy (第一联/第二联/…), laid out like the paper original.
// Everything the page says about the form comes from the process definition of the document's
// case: labels, row order, sections, half-width pairs, line columns, option labels, the
// signature label and the departments of the copies.
import { formatYuan } from '../../domain/money.js';
import { shanghaiDate, shanghaiTime } from '../../domain/iso.js';
import type { FieldSpec, ProcessDefinition } from '../../domain/process/definition.js';
import { flatFields } from '../../domain/process/fields.js';
import type { DocumentRow } from './repo.js';

const COPY_ORDER = ['第一联', '第二联', '第三联', '第四联', '第五联'];

/** a stored instant (UTC ISO): printed in Shanghai time like every other time on paper */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const label = (f: FieldSpec | undefined, key: string) => esc(f?.label.zh ?? key);

/** A value as the paper shows it, by the field's type (a field the definition lacks: by its look). */
function value(f: FieldSpec | undefined, key: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  const type = f?.type;
  if (typeof v === 'boolean') return v ? '是 ☑' : '否 ☐';
  if ((type === 'money' || (!f && key.endsWith('Fen'))) && typeof v === 'number') return esc(formatYuan(v));
  if (type === 'signature' && typeof v === 'string' && v.startsWith('data:image/')) return `<img class="sig" src="${esc(v)}" alt="signature">`;
  if (typeof v === 'string' && (type === 'datetime' || (!f && ISO_INSTANT.test(v)))) return esc(shanghaiTime(new Date(v)));
  const option = f?.options?.find((o) => o.value === v);
  if (option) return esc(option.label.zh);
  if (typeof v === 'object') return esc(JSON.stringify(v));
  return esc(v);
}

function table(f: FieldSpec | undefined, key: string, rows: Record<string, unknown>[], fields: Record<string, unknown>, form: FieldSpec[]): string {
  const known = (f?.columns ?? []).filter((c) => c.print !== false);
  const extra = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => !(f?.columns ?? []).some((k) => k.key === c));
  const cols: [string, FieldSpec | undefined][] = [...known.map((c) => [c.key, c] as [string, FieldSpec]), ...extra.map((c) => [c, undefined] as [string, undefined])];
  const body = rows.map((r) => `<tr>${cols.map(([c, spec]) => `<td>${value(spec, c, r[c])}</td>`).join('')}</tr>`).join('')
    || `<tr>${cols.map(() => '<td>&nbsp;</td>').join('')}</tr>`;
  let foot = '';
  const footer = f?.footer ? form.find((x) => x.key === f.footer) : undefined;
  if (footer) {
    foot = `<tr class="total"><td colspan="${Math.max(1, cols.length - 1)}">${label(footer, footer.key)}</td><td>${value(footer, footer.key, fields[footer.key])}</td></tr>`;
  }
  return `<table class="lines"><thead><tr>${cols.map(([c, spec]) => `<th>${label(spec, c)}</th>`).join('')}</tr></thead><tbody>${body}${foot}</tbody></table>`;
}

function rowHtml(f: FieldSpec | undefined, key: string, fields: Record<string, unknown>, form: FieldSpec[]): string {
  const v = fields[key];
  if (f?.type === 'lines' || (!f && Array.isArray(v))) {
    const rows = (Array.isArray(v) ? v : []).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
    return `<tr><th colspan="4" class="section">${label(f, key)}</th></tr><tr><td colspan="4" class="inner">${table(f, key, rows, fields, form)}</td></tr>`;
  }
  return `<tr><th>${label(f, key)}</th><td colspan="3">${value(f, key, v)}</td></tr>`;
}

const half = (f: FieldSpec | undefined) => !!(f && f.print && f.print.half && f.type !== 'lines');

/** The form's rows in the definition's order (sections, half-width pairs), then any stored field it does not name. */
function formRows(spec: FieldSpec[], fields: Record<string, unknown>): string {
  const printed = flatFields(spec).filter((f) => f.print !== false);
  const out: string[] = [];
  for (let i = 0; i < printed.length; i++) {
    const f = printed[i];
    if (f.print && f.print.section) out.push(`<tr><th colspan="4" class="section">${esc(f.print.section.zh)}</th></tr>`);
    const next = printed[i + 1];
    if (half(f) && half(next) && !(next.print && next.print.section)) {
      out.push(`<tr><th>${label(f, f.key)}</th><td>${value(f, f.key, fields[f.key])}</td><th>${label(next, next.key)}</th><td>${value(next, next.key, fields[next.key])}</td></tr>`);
      i++;
    } else out.push(rowHtml(f, f.key, fields, spec));
  }
  const named = new Set(flatFields(spec).map((f) => f.key));
  for (const k of Object.keys(fields).sort()) if (!named.has(k)) out.push(rowHtml(undefined, k, fields, spec));
  return out.join('');
}

export function renderPrint(opts: {
  doc: DocumentRow; def: ProcessDefinition; customer: { name: string; address: string; contactPerson: string; phone: string } | undefined;
  /** the customer's rating link as a QR code (issue 16: form 6 of a repair), an inline SVG */
  qr?: { svg: string; caption: string; url: string };
}): string {
  const { doc, def, customer, qr } = opts;
  const qrHtml = qr ? `<div class="qr">${qr.svg}<div>${esc(qr.caption)}</div><div class="qr-url">${esc(qr.url)}</div></div>` : '';
  const form = def.forms[doc.form];
  const title = form?.title.zh ?? doc.form;
  const date = shanghaiDate(doc.createdAt);
  const rows = formRows(form?.fields ?? [], doc.fields);
  const signed = doc.signedBy.map((s) => `${esc(s.displayName)}（${esc(s.at.slice(0, 10))}）`).join('、');
  const signLabel = esc(form?.signLabel?.zh ?? '经办人签字');
  const pages = doc.copies.map((dept, i) => `
  <section class="page">
    <div class="copy">${COPY_ORDER[i] ?? `第${i + 1}联`} · ${esc(def.departments[dept as keyof typeof def.departments]?.label.zh ?? dept)}</div>
    <h1>${esc(title)}</h1>
    <div class="meta"><span>日期：${date}</span><span>编号：${esc(doc.number)}</span></div>
    <table class="form">
      <colgroup><col class="l"><col><col class="l"><col></colgroup>
      <tr><th>客户名称</th><td>${esc(customer?.name)}</td><th>联系人</th><td>${esc(customer?.contactPerson)}</td></tr>
      <tr><th>地址</th><td>${esc(customer?.address)}</td><th>电话</th><td>${esc(customer?.phone)}</td></tr>
      ${rows}
      <tr><th>${signLabel}</th><td colspan="3">${signed}</td></tr>
    </table>
    ${qrHtml}
    <div class="foot">方圆 Fangyuan · ${esc(doc.number)} · 一式${doc.copies.length}联 · ${COPY_ORDER[i] ?? `第${i + 1}联`}</div>
  </section>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)} ${esc(doc.number)}</title>
<style>
  @page { size: A4; margin: 14mm; }
  * { box-sizing: border-box; }
  body { font-family: "Source Han Sans SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; color: #000; margin: 0; font-size: 12px; }
  .page { width: 182mm; min-height: 265mm; margin: 0 auto; padding: 4mm 0; page-break-after: always; position: relative; }
  .page:last-child { page-break-after: auto; }
  h1 { text-align: center; font-size: 22px; letter-spacing: 4px; margin: 6mm 0 4mm; }
  .copy { position: absolute; right: 0; top: 2mm; border: 1px solid #000; padding: 1mm 3mm; font-size: 11px; }
  .meta { display: flex; justify-content: space-between; margin-bottom: 2mm; }
  table { width: 100%; border-collapse: collapse; }
  .form th, .form td { border: 1px solid #000; padding: 2mm; vertical-align: top; text-align: left; }
  .form { table-layout: fixed; }
  .form col.l { width: 30mm; }
  .form th { background: #f3f3f3; font-weight: normal; }
  .form td { overflow-wrap: anywhere; white-space: pre-wrap; }
  .form th.section { width: auto; text-align: center; font-weight: bold; }
  .form td.inner { padding: 0; }
  .lines th, .lines td { border: 1px solid #555; padding: 1mm 2mm; font-size: 11px; }
  .lines .total td { font-weight: bold; text-align: right; }
  .sig { max-height: 20mm; }
  .qr { float: right; width: 34mm; text-align: center; font-size: 10px; margin-top: 3mm; }
  .qr svg { width: 30mm; height: 30mm; }
  .qr-url { font-size: 7px; overflow-wrap: anywhere; color: #444; }
  .foot { position: absolute; bottom: 0; width: 100%; text-align: center; font-size: 10px; color: #444; }
  @media screen { body { background: #888; } .page { background: #fff; margin: 8mm auto; padding: 10mm; width: 210mm; min-height: 297mm; } .foot { bottom: 6mm; left: 0; } .copy { right: 10mm; top: 8mm; } }
</style></head>
<body>${pages}</body></html>`;
}
