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

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function value(key: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? '是 ☑' : '否 ☐';
  if (key.endsWith('Fen') && typeof v === 'number') return esc(formatYuan(v));
  if (key === 'customerSignature' && typeof v === 'string' && v.startsWith('data:image/')) return `<img class="sig" src="${esc(v)}" alt="signature">`;
  if (typeof v === 'string' && VALUE_LABELS[v]) return esc(VALUE_LABELS[v]);
  return esc(v);
}

function table(key: string, rows: Record<string, unknown>[]): string {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (key === 'equipment') cols.push('lineTotalFen');
  const body = rows.map((r) => {
    const row = key === 'equipment' ? { ...r, lineTotalFen: Number(r.quantity ?? 0) * Number(r.unitPriceFen ?? 0) } : r;
    return `<tr>${cols.map((c) => `<td>${value(c, row[c])}</td>`).join('')}</tr>`;
  }).join('');
  let foot = '';
  if (key === 'equipment') {
    const total = rows.reduce((s, r) => s + Number(r.quantity ?? 0) * Number(r.unitPriceFen ?? 0), 0);
    foot = `<tr class="total"><td colspan="${cols.length - 1}">${LABELS.totalFen}</td><td>${esc(formatYuan(total))}</td></tr>`;
  }
  return `<table class="lines"><thead><tr>${cols.map((c) => `<th>${esc(LABELS[c] ?? c)}</th>`).join('')}</tr></thead><tbody>${body}${foot}</tbody></table>`;
}

export function renderPrint(opts: {
  doc: DocumentRow; title: string; customer: { name: string; address: string; contactPerson: string; phone: string } | undefined;
}): string {
  const { doc, title, customer } = opts;
  const date = new Date(doc.createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const rows = Object.entries(doc.fields).map(([k, v]) => {
    const label = esc(LABELS[k] ?? k);
    if (Array.isArray(v) && v.every((x) => x && typeof x === 'object')) {
      return `<tr><th colspan="4" class="section">${label}</th></tr><tr><td colspan="4">${table(k, v as Record<string, unknown>[])}</td></tr>`;
    }
    if (v && typeof v === 'object') return `<tr><th>${label}</th><td colspan="3">${esc(JSON.stringify(v))}</td></tr>`;
    return `<tr><th>${label}</th><td colspan="3">${value(k, v)}</td></tr>`;
  }).join('');
  const signed = doc.signedBy.map((s) => `${esc(s.displayName)}（${esc(s.at.slice(0, 10))}）`).join('、');
  const pages = doc.copies.map((dept, i) => `
  <section class="page">
    <div class="copy">${COPY_ORDER[i] ?? `第${i + 1}联`} · ${esc(DEPARTMENT_LABEL_ZH[dept as Department] ?? dept)}</div>
    <h1>${esc(title)}</h1>
    <div class="meta"><span>日期：${date}</span><span>编号：${esc(doc.number)}</span></div>
    <table class="form">
      <tr><th>客户名称</th><td>${esc(customer?.name)}</td><th>联系人</th><td>${esc(customer?.contactPerson)}</td></tr>
      <tr><th>地址</th><td>${esc(customer?.address)}</td><th>电话</th><td>${esc(customer?.phone)}</td></tr>
      ${rows}
      <tr><th>经办人签字</th><td colspan="3">${signed}</td></tr>
    </table>
    <div class="foot">方圆 Fangyuan · ${esc(doc.number)} · 一式${doc.copies.length}联</div>
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
  .form th { width: 28mm; background: #f3f3f3; font-weight: normal; }
  .form th.section { width: auto; text-align: center; }
  .lines th, .lines td { border: 1px solid #555; padding: 1mm 2mm; font-size: 11px; }
  .lines .total td { font-weight: bold; text-align: right; }
  .sig { max-height: 20mm; }
  .foot { position: absolute; bottom: 0; width: 100%; text-align: center; font-size: 10px; color: #444; }
  @media screen { body { background: #888; } .page { background: #fff; margin: 8mm auto; padding: 10mm; width: 210mm; min-height: 297mm; } .foot { bottom: 6mm; left: 0; } .copy { right: 10mm; top: 8mm; } }
</style></head>
<body>${pages}</body></html>`;
}
