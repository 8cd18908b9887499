// A printed form: one A4 page per copy (第一联/第二联/…), laid out like the paper original.
import { DEPARTMENT_LABEL_ZH, type Department } from '../../domain/roles.js';
import { formatYuan } from '../../domain/money.js';
import type { DocumentRow } from './repo.js';

const LABELS: Record<string, string> = {
  broadbandAvailable: '是否开通宽带', broadbandType: '宽带类型', bandwidthMbps: '带宽 (Mbps)', broadbandUsage: '使用及利用情况',
  networkEquipment: '网络设备品牌型号', hasPbx: '是否有集团电话', pbxModel: '集团电话品牌型号', directLines: '直线数',
  trunkLines: '中继线数', extensions: '分机数', ldSavingMethod: '长途节费方式', ldDiscountPct: '折扣 (%)',
  monthlyLdBillFen: '实际月长途话费', acceptsSplitMode: '是否接受分流模式', remarks: '备注',
  implementationDetails: '实施细节', equipment: '设备清单', estimatedDurationDays: '预计工期（天）',
  content: '方案内容', investmentFen: '投资额', monthlyGrossProfitFen: '月毛利', currentMonthlyLdBillFen: '客户现月长途话费',
  operatingMode: '运营模式', equipmentInvestmentFen: '设备投资', avgMonthlyGrossProfitFen: '平均月毛利',
  maxFluctuationPct: '毛利最大波动 (%)', paybackMonths: '投资回收期（月）', bestCaseMonths: '最好情况（月）',
  worstCaseMonths: '最差情况（月）', comments: '意见',
  paymentModel: '付款方式', amountFen: '合同金额', concessions: '优惠条件', serviceTier: '服务等级',
  monthlySavingFen: '每月节省', proposedMonthlyCostFen: '方案月长途费用',
  devices: '设备明细', problem: '问题描述', entries: '投诉记录', techRemarks: '技术部备注', csRemarks: '客服部备注',
  faultDescription: '故障描述', handling: '处理情况', cause: '原因', replacements: '更换设备', customerOpinion: '客户意见',
  opinion: '客户意见及建议', problemFound: '是否发现问题', customerSignature: '客户签字',
  brand: '品牌', model: '型号', quantity: '数量', unitPriceFen: '单价', lineTotalFen: '小计', totalFen: '合计',
  brandModel: '品牌型号', serialNumber: '序列号', configDocNumber: '配置文档编号', round: '轮次', resolution: '解决方法',
  qualityComplaint: '是否构成技术质量投诉', satisfied: '客户是否满意', oldBrandModel: '原设备品牌型号',
  oldSerialNumber: '原设备序列号', newBrandModel: '新设备品牌型号', newSerialNumber: '新设备序列号',
};
const VALUE_LABELS: Record<string, string> = {
  one_time: '一次性买断', installment: '分期付款', lease: '租赁', vip: 'VIP 7×24', standard: '普通 5×8',
};
const COPY_ORDER = ['第一联', '第二联', '第三联', '第四联', '第五联'];

/** One row of a printed form: a field across the row, two fields side by side, or a section heading. */
type LayoutRow = string | [string, string] | { section: string };

/** The paper forms' order of rows (PROCESS.md §7); fields not listed follow at the end. */
const LAYOUT: Record<string, LayoutRow[]> = {
  survey: [
    { section: '宽带情况' }, ['broadbandAvailable', 'broadbandType'], ['bandwidthMbps', 'networkEquipment'], 'broadbandUsage',
    { section: '集团电话' }, ['hasPbx', 'pbxModel'], ['directLines', 'trunkLines'], 'extensions',
    { section: '长途话费' }, ['ldSavingMethod', 'ldDiscountPct'], ['monthlyLdBillFen', 'acceptsSplitMode'],
    'remarks',
  ],
  tech_assessment: ['implementationDetails', 'equipment', 'estimatedDurationDays'],
  proposal: ['content', ['investmentFen', 'monthlyGrossProfitFen'], ['currentMonthlyLdBillFen', 'proposedMonthlyCostFen'], 'monthlySavingFen'],
  feasibility: [
    'operatingMode', ['equipmentInvestmentFen', 'avgMonthlyGrossProfitFen'], ['maxFluctuationPct', 'paybackMonths'],
    ['bestCaseMonths', 'worstCaseMonths'], 'comments',
  ],
  contract: [['paymentModel', 'amountFen'], 'serviceTier', 'concessions'],
  installation_order: ['devices', 'remarks'],
  complaint_record: ['problem', 'entries', 'csRemarks', 'techRemarks'],
  problem_feedback: ['faultDescription', 'customerSignature', 'handling', 'cause', 'replacements', 'customerOpinion', 'remarks'],
  revisit: ['opinion', 'problemFound'],
};
/** Column order of the line tables. */
const COLUMNS: Record<string, string[]> = {
  equipment: ['brand', 'model', 'quantity', 'unitPriceFen', 'lineTotalFen'],
  devices: ['brandModel', 'serialNumber', 'configDocNumber'],
  replacements: ['oldBrandModel', 'oldSerialNumber', 'newBrandModel', 'newSerialNumber'],
  entries: ['round', 'problem', 'cause', 'resolution', 'qualityComplaint', 'satisfied', 'customerOpinion'],
};
/** Shown elsewhere on the page (the equipment table's footer), so not as a row of their own. */
const NOT_A_ROW = new Set(['totalFen']);
const SIGN_LABEL: Record<string, string> = {
  tech_assessment: '鉴定人签字', feasibility: '鉴定人签字', installation_order: '经办人签字', problem_feedback: '处理人签字',
};

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const label = (key: string) => esc(LABELS[key] ?? key);

function value(key: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? '是 ☑' : '否 ☐';
  if (key.endsWith('Fen') && typeof v === 'number') return esc(formatYuan(v));
  if (key === 'customerSignature' && typeof v === 'string' && v.startsWith('data:image/')) return `<img class="sig" src="${esc(v)}" alt="signature">`;
  if (typeof v === 'string' && VALUE_LABELS[v]) return esc(VALUE_LABELS[v]);
  if (typeof v === 'object') return esc(JSON.stringify(v));
  return esc(v);
}

const lineTotal = (r: Record<string, unknown>) =>
  typeof r.lineTotalFen === 'number' ? r.lineTotalFen : Number(r.quantity ?? 0) * Number(r.unitPriceFen ?? 0);

function table(key: string, rows: Record<string, unknown>[], fields: Record<string, unknown>): string {
  const known = COLUMNS[key] ?? [];
  const cols = [...known, ...new Set(rows.flatMap((r) => Object.keys(r)).filter((c) => !known.includes(c)))];
  const body = rows.map((r) => {
    const row = key === 'equipment' ? { ...r, lineTotalFen: lineTotal(r) } : r;
    return `<tr>${cols.map((c) => `<td>${value(c, row[c])}</td>`).join('')}</tr>`;
  }).join('') || `<tr>${cols.map(() => '<td>&nbsp;</td>').join('')}</tr>`;
  let foot = '';
  if (key === 'equipment') {
    const total = typeof fields.totalFen === 'number' ? fields.totalFen : rows.reduce((s, r) => s + lineTotal(r), 0);
    foot = `<tr class="total"><td colspan="${cols.length - 1}">${LABELS.totalFen}</td><td>${esc(formatYuan(total))}</td></tr>`;
  }
  return `<table class="lines"><thead><tr>${cols.map((c) => `<th>${label(c)}</th>`).join('')}</tr></thead><tbody>${body}${foot}</tbody></table>`;
}

function rowHtml(key: string, fields: Record<string, unknown>): string {
  const v = fields[key];
  if (Array.isArray(v) || COLUMNS[key]) {
    const rows = (Array.isArray(v) ? v : []).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
    return `<tr><th colspan="4" class="section">${label(key)}</th></tr><tr><td colspan="4" class="inner">${table(key, rows, fields)}</td></tr>`;
  }
  return `<tr><th>${label(key)}</th><td colspan="3">${value(key, v)}</td></tr>`;
}

/** The form's rows in the paper order, then any field the layout does not name. */
function formRows(form: string, fields: Record<string, unknown>): string {
  const layout = LAYOUT[form] ?? [];
  const named = new Set<string>();
  const out: string[] = [];
  for (const r of layout) {
    if (typeof r === 'string') { named.add(r); out.push(rowHtml(r, fields)); }
    else if (Array.isArray(r)) {
      r.forEach((k) => named.add(k));
      out.push(`<tr><th>${label(r[0])}</th><td>${value(r[0], fields[r[0]])}</td><th>${label(r[1])}</th><td>${value(r[1], fields[r[1]])}</td></tr>`);
    } else out.push(`<tr><th colspan="4" class="section">${esc(r.section)}</th></tr>`);
  }
  for (const k of Object.keys(fields).sort()) if (!named.has(k) && !NOT_A_ROW.has(k)) out.push(rowHtml(k, fields));
  return out.join('');
}

export function renderPrint(opts: {
  doc: DocumentRow; title: string; customer: { name: string; address: string; contactPerson: string; phone: string } | undefined;
}): string {
  const { doc, title, customer } = opts;
  const date = new Date(doc.createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const rows = formRows(doc.form, doc.fields);
  const signed = doc.signedBy.map((s) => `${esc(s.displayName)}（${esc(s.at.slice(0, 10))}）`).join('、');
  const signLabel = SIGN_LABEL[doc.form] ?? '经办人签字';
  const pages = doc.copies.map((dept, i) => `
  <section class="page">
    <div class="copy">${COPY_ORDER[i] ?? `第${i + 1}联`} · ${esc(DEPARTMENT_LABEL_ZH[dept as Department] ?? dept)}</div>
    <h1>${esc(title)}</h1>
    <div class="meta"><span>日期：${date}</span><span>编号：${esc(doc.number)}</span></div>
    <table class="form">
      <colgroup><col class="l"><col><col class="l"><col></colgroup>
      <tr><th>客户名称</th><td>${esc(customer?.name)}</td><th>联系人</th><td>${esc(customer?.contactPerson)}</td></tr>
      <tr><th>地址</th><td>${esc(customer?.address)}</td><th>电话</th><td>${esc(customer?.phone)}</td></tr>
      ${rows}
      <tr><th>${signLabel}</th><td colspan="3">${signed}</td></tr>
    </table>
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
  .foot { position: absolute; bottom: 0; width: 100%; text-align: center; font-size: 10px; color: #444; }
  @media screen { body { background: #888; } .page { background: #fff; margin: 8mm auto; padding: 10mm; width: 210mm; min-height: 297mm; } .foot { bottom: 6mm; left: 0; } .copy { right: 10mm; top: 8mm; } }
</style></head>
<body>${pages}</body></html>`;
}
