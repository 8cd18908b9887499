// The management reports printed on A4 and as Excel workbooks (exceljs): the same rows for both,
// typed cells (counts as numbers, rates with 0.0%, money in yuan with ¥#,##0.00), missing as —.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../server/excel.js';
import { shanghaiTime } from '../../domain/iso.js';
import { shanghaiText } from '../reports/period.js';
import { addSheet, esc, htmlTable, money, printPage, rateCell, type Cell } from '../reports/print-page.js';
import type { departmentResults } from './departments.js';
import type { engineerScores } from './engineers.js';
import type { salesReview } from './sales.js';

type EngineerScores = Awaited<ReturnType<typeof engineerScores>>;
type SalesReview = Awaited<ReturnType<typeof salesReview>>;
type DepartmentResults = Awaited<ReturnType<typeof departmentResults>>;

async function workbook(created: string) {
  const wb = await newWorkbook();
  wb.creator = 'Fangyuan 方圆';
  wb.created = new Date(created);
  return wb;
}
const written = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

const period = (r: { from: string; to: string }) => `${shanghaiText(r.from).slice(0, 10)} 至 ${shanghaiText(new Date(new Date(r.to).getTime() - 1)).slice(0, 10)}`;
const printedAt = (now: Date) => `打印于 ${shanghaiTime(now)}`;
const num = (n: number | null): Cell => n;
/** every column after the first (the name) holds numbers */
const afterName = (head: string[]) => head.map((_, i) => i > 0);

// ---- 工程师考评 ----

const ENGINEER_HEAD = ['姓名 / 外包服务商', '维修', '按时', '按时率', '回访确认', '满意', '满意率', '一次修复', '已关闭投诉', '一次修复率', '重复故障', '装机', '按时装机', '综合得分'];
const engineerRows = (r: EngineerScores): Cell[][] => r.items.map((i) => [
  i.partnerId ? `${i.name}（外包）` : i.name, i.repairs, i.repairsOnTime, rateCell(i.onTimeRate), i.followUps, i.satisfied, rateCell(i.satisfactionRate),
  i.firstTimeFixes, i.complaintsClosed, rateCell(i.firstTimeFixRate), i.repeatFaults, i.installations, i.installationsOnTime, num(i.score),
]);

export async function engineerScoresXlsx(r: EngineerScores) {
  const wb = await workbook(r.from);
  addSheet(wb, `工程师考评 ${period(r)}`, ENGINEER_HEAD, engineerRows(r), [22]);
  return written(wb);
}

export function engineerScoresHtml(r: EngineerScores, now: Date) {
  const w = r.weights;
  return printPage({
    title: '工程师考评', landscape: true,
    sub: `${period(r)}　综合得分权重：满意率 ${w.satisfaction} / 一次修复率 ${w.firstTimeFix} / 按时率 ${w.onTime}　${printedAt(now)}`,
    body: htmlTable(ENGINEER_HEAD, engineerRows(r), '', afterName(ENGINEER_HEAD)),
  });
}

// ---- 业务考评 ----

const SALES_HEAD = ['业务员', '新建商机', '签约', '丢失', '放弃', '成交率', '签约金额', '平均周期（工作日）', '超长谈判'];
const LOST_HEAD = ['原因', '竞争对手', '次数'];
const salesRows = (r: SalesReview): Cell[][] => r.items.map((i) => [
  i.name, i.opened, i.won, i.lost, i.dropped, rateCell(i.winRate), money(i.signedAmountFen), num(i.avgCycleWorkingDays), i.longNegotiations,
]);
const lostRows = (r: SalesReview): Cell[][] => r.lostReasons.map((l) => [l.reason, l.competitor ?? '', l.count]);

export async function salesReviewXlsx(r: SalesReview) {
  const wb = await workbook(r.from);
  addSheet(wb, `业务考评 ${period(r)}`, SALES_HEAD, salesRows(r), [16, 10, 8, 8, 8, 10, 16, 18, 10]);
  addSheet(wb, '丢失原因', LOST_HEAD, lostRows(r), [40, 20, 8]);
  return written(wb);
}

export function salesReviewHtml(r: SalesReview, now: Date) {
  return printPage({
    title: '业务考评', landscape: true,
    sub: `${period(r)}　超长谈判截至 ${shanghaiTime(new Date(r.asOf))}　${printedAt(now)}`,
    body: `${htmlTable(SALES_HEAD, salesRows(r), '', afterName(SALES_HEAD))}<h2>丢失原因与竞争对手</h2>${htmlTable(LOST_HEAD, lostRows(r), '', [false, false, true])}`,
  });
}

// ---- 部门业绩 ----

const DEPARTMENT_HEAD = ['指标', '实际', '目标', '完成率'];
type Measure = DepartmentResults['departments'][number]['measures'][number];
const measureCell = (m: Measure, v: number | null): Cell => (v === null ? null : m.unit === 'fen' ? money(v) : m.unit === 'rate' ? rateCell(v) : v);
const departmentRows = (d: DepartmentResults['departments'][number]): Cell[][] => d.measures.map((m) => [
  m.label.zh, measureCell(m, m.value), measureCell(m, m.target), m.achievedPct === null ? null : rateCell(m.achievedPct / 100),
]);

export async function departmentResultsXlsx(r: DepartmentResults) {
  const wb = await workbook(r.from);
  addSheet(wb, `部门业绩 ${r.month}`, ['部门', ...DEPARTMENT_HEAD],
    r.departments.flatMap((d) => departmentRows(d).map((row) => [d.label.zh, ...row])), [16, 28, 16, 16, 10]);
  return written(wb);
}

export function departmentResultsHtml(r: DepartmentResults, now: Date) {
  return printPage({
    title: `部门业绩 ${r.month}`,
    sub: `${period(r)}　${printedAt(now)}`,
    body: r.departments.length
      ? r.departments.map((d) => `<h2>${esc(d.label.zh)}</h2>${htmlTable(DEPARTMENT_HEAD, departmentRows(d), 'fixed', [false, true, true, true])}`).join('\n')
      : '<p class="none">无</p>',
  });
}
