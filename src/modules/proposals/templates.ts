// Proposal templates (解决方案模板): the company's own starting texts for a proposal, kept as a
// setting the sysadmin edits. The qualify step names one; the proposal draft starts from it.
import type { Tx } from '../../db/client.js';
import { getSetting, putSetting } from '../../db/settings.js';
import type { Actor } from '../../server/context.js';
import { appendAudit } from '../audit/service.js';

export interface ProposalTemplate {
  id: string;
  name: string;
  content: string;
}

const KEY = 'proposal.templates';

/** What a new company starts with: the three proposals the manual's telecom business writes most. */
export const DEFAULT_TEMPLATES: ProposalTemplate[] = [
  {
    id: 'voip_saving',
    name: '中小企业 VoIP 长途节费方案',
    content: [
      '一、现状：客户现有 {直线数} 条直线、月长途话费约 {金额} 元，长途以直拨为主。',
      '二、方案：在客户机房加装 VoIP 语音网关，长途呼出经宽带走 VoIP 线路，本地通话仍走原线路；原号码、原话机不变。',
      '三、设备：语音网关 1 台（端口数按忙时话务量配置），必要时加装交换机。',
      '四、节费：按现月长途话费测算，预计每月节省 30%–50%，投资回收期见可行性鉴定表。',
      '五、实施：签约后 5 个工作日内安装调试，期间不影响正常通话。',
    ].join('\n'),
  },
  {
    id: 'pbx_upgrade',
    name: '集团电话（PBX）改造方案',
    content: [
      '一、现状：客户现有集团电话 {品牌型号}，中继线 {中继线数} 条，分机 {分机数} 门。',
      '二、方案：保留原集团电话，在中继侧接入 VoIP 网关，实现分机直接拨打长途走 VoIP；可选开通分机间跨地点互通。',
      '三、设备：中继型语音网关 1 台，配置文档随装机单归档。',
      '四、服务：一次性买断客户享 VIP 7×24 服务；分期、租赁客户享标准 5×8 服务。',
    ].join('\n'),
  },
  {
    id: 'split_mode',
    name: '分流模式（新话机仅呼出）方案',
    content: [
      '一、适用：客户不便改动原线路，接受呼出与接听分开。',
      '二、方案：新增 VoIP 话机专用于拨打长途，原电话只用于接听与本地通话。',
      '三、设备：VoIP 话机若干部（按常用长途拨打人员配置）。',
      '四、节费：长途呼出全部经 VoIP，预计每月节省 40% 以上。',
    ].join('\n'),
  },
];

export async function listTemplates(tx: Tx): Promise<ProposalTemplate[]> {
  return (await getSetting<ProposalTemplate[]>(tx, KEY)) ?? DEFAULT_TEMPLATES;
}

export async function saveTemplates(opts: { templates: ProposalTemplate[]; actor: Actor; now: Date }, tx: Tx): Promise<ProposalTemplate[]> {
  const before = await listTemplates(tx);
  await putSetting(tx, KEY, opts.templates, opts.now);
  await appendAudit(tx, {
    at: opts.now, actorId: opts.actor.id, action: 'settings.proposal_templates', entity: 'settings', entityId: KEY,
    before: before.map((t) => t.name), after: opts.templates.map((t) => t.name),
  });
  return opts.templates;
}
