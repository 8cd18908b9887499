// The weekly summary as a printable A4 page and as an Excel workbook.
import { newWorkbook } from '../../server/excel.js';
import { shanghaiText } from './period.js';
import type { WeeklySummary } from './service.js';
import type { ProcessDefinition } from '../../domain/process/definition.js';
import { addSheet, cellText as text, esc, htmlTable, money, printPage, rateCell, type Cell } from './print-page.js';

const KIND_ZH: Record<string, string> = { inquiry: '咨询', complaint: '投诉' };
const yesNo = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');

function rows(s: WeeklySummary, def: ProcessDefinition) {
  const stepLabel = (step: string) => def.steps[step]?.label.zh ?? step;
  const roleLabel = (role: string) => def.roles?.[role]?.label.zh ?? role;
  const t = s.tickets;
  return {
    overview: [
      ['新开工单', t.opened], ['其中咨询', t.openedInquiries], ['其中投诉', t.openedComplaints],
      ['关闭工单', t.closed], ['按时关闭', t.closedOnTime], ['超时关闭', t.closedLate],
      ['违约（无特殊原因）', t.breaches], ['特殊原因免责', t.excused], ['周末仍超时未关闭', t.overdueOpen],
      ['回访确认次数', s.satisfaction.followUps], ['客户满意', s.satisfaction.satisfied], ['客户不满意', s.satisfaction.unsatisfied],
      ['满意率', rateCell(s.satisfaction.rate)],
      ['生成定期回访', s.revisits.generated], ['完成定期回访', s.revisits.done], ['回访发现问题', s.revisits.problemsFound],
      ['签约商机', s.deals.won], ['签约金额', money(s.deals.wonAmountFen)], ['丢失商机', s.deals.lost],
      ['售前/安装环节逾期', s.overdueStepsTotal],
    ] as [string, Cell][],
    breaches: s.breaches.map((b): Cell[] => [b.number, b.customerName, KIND_ZH[b.kind] ?? b.kind, shanghaiText(b.dueAt), shanghaiText(b.closedAt), b.owner ? `${b.owner.name}（${stepLabel(b.owner.step)}）` : '未知']),
    byOwner: s.breachesByOwner.map((o): Cell[] => [o.name, o.kind === 'partner' ? '外包服务商' : o.kind === 'user' ? '员工' : '岗位', o.count]),
    opinions: s.opinions.map((o): Cell[] => [shanghaiText(o.at), o.source === 'follow_up' ? kindLabel(def, 'follow_up', '回访确认') : kindLabel(def, 'revisit', '定期回访'), o.customerName ?? '', o.ticketNumber ?? '', o.source === 'follow_up' ? yesNo(o.satisfied) : yesNo(o.problemFound), o.opinion, o.by ?? '']),
    deals: s.deals.items.map((d): Cell[] => [d.number, d.customerName, d.ownerName ?? '', d.outcome === 'won' ? '签约' : '丢失', shanghaiText(d.at), money(d.amountFen), [d.reason, d.competitor].filter(Boolean).join(' / ')]),
    overdueSteps: s.overdueSteps.map((o): Cell[] => [o.number, o.customerName, stepLabel(o.step), o.assigneeName ?? roleLabel(o.assigneeRole), shanghaiText(o.dueAt)]),
  };
}

const HEAD = {
  breaches: ['工单号', '客户', '类型', '截止时间', '关闭时间', '责任人（环节）'],
  byOwner: ['责任人', '类别', '违约次数'],
  opinions: ['时间', '来源', '客户', '工单号', '满意/发现问题', '客户意见', '记录人'],
  deals: ['商机编号', '客户', '业务员', '结果', '时间', '合同金额', '丢失原因 / 竞争对手'],
  overdueSteps: ['商机编号', '客户', '环节', '处理人', '截止时间'],
};

export function renderWeeklyHtml(s: WeeklySummary, def: ProcessDefinition): string {
  const r = rows(s, def);
  const range = `${shanghaiText(s.from).slice(0, 10)} 至 ${shanghaiText(new Date(new Date(s.to).getTime() - 1)).slice(0, 10)}`;
  return printPage({
    title: '周总结会 · 客户服务周报',
    sub: `${s.week}（${range}）　生成于 ${shanghaiText(s.generatedAt)}`,
    body: `<h2>一、概况</h2>
<table class="overview"><tbody>${chunk(r.overview, 3).map((row) => `<tr>${row.map(([k, v]) => `<th>${esc(k)}</th><td>${esc(text(v))}</td>`).join('')}</tr>`).join('')}</tbody></table>
<h2>二、违约工单</h2>${htmlTable(HEAD.breaches, r.breaches)}
<h2>三、违约按责任人</h2>${htmlTable(HEAD.byOwner, r.byOwner)}
<h2>四、客户意见（回访确认与定期回访）</h2>${htmlTable(HEAD.opinions, r.opinions)}
<h2>五、商机签约与丢失</h2>${htmlTable(HEAD.deals, r.deals)}
<h2>六、售前与安装环节逾期（周末仍未完成）</h2>${htmlTable(HEAD.overdueSteps, r.overdueSteps)}
<div class="sign"><span>客服经理：__________</span><span>技术经理：__________</span><span>业务经理：__________</span><span>总经理：__________</span></div>`,
    tabTitle: `周总结 ${s.week}`,
  });
}

/** The label of the first step with this tag. */
function kindLabel(def: ProcessDefinition, kind: string, fallback: string): string {
  return Object.values(def.steps).find((st) => st.kind === kind)?.label.zh ?? fallback;
}

function chunk<T>(a: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < a.length; i += n) out.push(a.slice(i, i + n));
  return out;
}

export async function renderWeeklyXlsx(s: WeeklySummary, def: ProcessDefinition): Promise<Buffer> {
  const r = rows(s, def);
  const wb = await newWorkbook();
  wb.creator = 'Fangyuan 方圆';
  wb.created = new Date(s.generatedAt);
  const sheet = (name: string, head: string[], body: Cell[][], widths: number[]) => { addSheet(wb, name, head, body, widths); };
  sheet('概况', ['项目', `${s.week}`], r.overview, [22, 16]);
  sheet('违约工单', HEAD.breaches, r.breaches, [18, 24, 8, 18, 18, 28]);
  sheet('违约按责任人', HEAD.byOwner, r.byOwner, [24, 12, 10]);
  sheet('客户意见', HEAD.opinions, r.opinions, [18, 10, 24, 18, 12, 60, 14]);
  sheet('商机', HEAD.deals, r.deals, [18, 24, 14, 8, 18, 14, 30]);
  sheet('售前安装逾期', HEAD.overdueSteps, r.overdueSteps, [18, 24, 16, 14, 18]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
