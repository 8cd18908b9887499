// The default process of PROCESS.md, as data: steps, owners, deadlines, every form's fields with
// their labels and print layout, copy lists, numbering. A company changes this, not the code.
import type { FieldSpec, I18n, RawProcessDefinition } from './definition.js';

const L = (zh: string, en: string): I18n => ({ zh, en });
type F = Omit<FieldSpec, 'key' | 'type' | 'label'>;
const field = (type: FieldSpec['type']) => (key: string, zh: string, en: string, more: F = {}): FieldSpec => ({ key, type, label: L(zh, en), ...more });
const text = field('text');
const longtext = field('longtext');
const int = field('int');
const decimal = field('decimal');
const money = field('money');
const percent = field('percent');
const bool = field('bool');
const datetime = field('datetime');
const select = field('select');
const user = field('user');
const lines = field('lines');
const signature = field('signature');
const group = field('group');
const req = { required: true } as const;
const half = { print: { half: true } } as const;
const section = (zh: string, en: string, more: { half?: boolean } = {}) => ({ print: { section: L(zh, en), ...more } });

const SERVICE_TIERS = [{ value: 'vip', label: L('VIP 7×24', 'VIP 24×7') }, { value: 'standard', label: L('普通 5×8', 'Standard 8×5') }];
const ENGINEER_SIDE = ['engineer', 'partner_engineer'] as FieldSpec['filledBy'];
const CS_SIDE = ['cs_agent', 'cs_manager'] as FieldSpec['filledBy'];
const CODEC_OPTIONS = [
  { value: 'g711', label: L('G.711（64 kbit/s）', 'G.711 (64 kbit/s)') }, { value: 'g729', label: L('G.729（8 kbit/s）', 'G.729 (8 kbit/s)') },
  { value: 'g722', label: L('G.722 宽带', 'G.722 wideband') }, { value: 'opus', label: L('Opus', 'Opus') },
];
const BANDWIDTH_STATUS = [
  { value: 'green', label: L('充足', 'Ample (green)') }, { value: 'amber', label: L('偏紧', 'Tight (amber)') }, { value: 'red', label: L('不足', 'Insufficient (red)') },
];
// ITU-T G.109 user satisfaction bands of R
const QUALITY_RATINGS = [
  { value: 'best', label: L('最好（非常满意）', 'Best (very satisfied)') }, { value: 'high', label: L('高（满意）', 'High (satisfied)') },
  { value: 'medium', label: L('中（部分不满意）', 'Medium (some dissatisfied)') }, { value: 'low', label: L('低（多数不满意）', 'Low (many dissatisfied)') },
  { value: 'poor', label: L('差（几乎都不满意）', 'Poor (nearly all dissatisfied)') },
];
const customerSignature = signature('customerSignature', '客户签字', 'Customer signature', { help: L('客户在屏幕上签字', 'The customer signs on the screen') });

export const DEFAULT_PROCESS: RawProcessDefinition = {
  version: 1,
  name: '标准业务流程 (PROCESS.md default)',
  roles: {
    sales: { label: L('业务员', 'Salesperson'), department: 'business' },
    sales_manager: { label: L('业务经理', 'Sales manager'), department: 'business' },
    engineer: { label: L('技术工程师', 'Engineer'), department: 'technical' },
    tech_manager: { label: L('技术经理', 'Technical manager'), department: 'technical' },
    cs_agent: { label: L('客服人员', 'Customer service agent'), department: 'customer_service' },
    cs_manager: { label: L('客服经理', 'Customer service manager'), department: 'customer_service' },
    admin_clerk: { label: L('行政人员', 'Administrative clerk'), department: 'admin' },
    gm: { label: L('总经理', 'General manager'), department: 'management' },
    partner_engineer: { label: L('外包服务商工程师', 'Partner engineer'), department: 'partner' },
    sysadmin: { label: L('系统管理员', 'System administrator'), department: 'it' },
  },
  departments: {
    business: { label: L('业务部', 'Business'), manager: 'sales_manager' },
    technical: { label: L('技术部', 'Technical'), manager: 'tech_manager' },
    customer_service: { label: L('客服部', 'Customer service'), manager: 'cs_manager' },
    admin: { label: L('行政部', 'Administration'), manager: 'gm' },
    management: { label: L('总经理室', 'Management'), manager: 'gm' },
    partner: { label: L('外包服务商', 'Partners'), manager: 'tech_manager' },
    it: { label: L('系统管理', 'IT') },
  },
  // PROCESS.md §3: one-time buyers get VIP 7×24 service, installment/lease customers standard 5×8
  tiers: {
    standard: { label: L('普通 5×8', 'Standard 8×5'), clock: 'business', paymentModels: ['installment', 'lease'], revisitIntervalDays: 30 },
    vip: { label: L('VIP 7×24', 'VIP 24×7'), clock: '24x7', paymentModels: ['one_time'], revisitIntervalDays: 14 },
  },
  openingForms: { deal: 'survey', ticket_complaint: 'complaint_record' },
  starts: {
    deal: ['qualify'],
    ticket_inquiry: ['answer'],
    ticket_complaint: ['resolve'],
    customer_revisit: ['revisit'],
    lead: ['lead_contact'],
    feedback_report: ['compile'],
  },
  caseNumbering: { deal: 'SJ', ticket: 'GD', lead: 'XS' },
  ticketCloseDays: 2,
  // seed step B: the second meeting is proposed this many days after the first visit (survey)
  secondMeetingAfterDays: 3,
  // issue 16: overdue work goes up the chain — the department manager at the deadline, the GM half a working day later
  escalation: { escalateAfterDays: 0.5, levels: ['department_manager', 'gm'] },
  ticketPause: {
    roles: ['cs_agent', 'engineer', 'partner_engineer'],
    reasons: [
      { value: 'waiting_customer', label: L('等待客户', 'Waiting for the customer') },
      { value: 'waiting_parts', label: L('等待备件', 'Waiting for parts') },
    ],
  },
  ratingLinkDays: 7,
  steps: {
    // ---- pre-sales, seed chapter 1 (A–H)
    qualify: {
      caseType: 'deal', role: 'sales', kind: 'qualify', label: L('客户定性', 'Qualify the customer'), assign: 'case_owner', due: { days: 0.5 },
      outcomes: {
        develop: { label: L('开发', 'Develop'), form: 'qualify_develop', next: ['tech_assessment'], effects: ['deal.secondMeeting'] },
        drop: { label: L('放弃', 'Drop'), form: 'reason', end: 'dropped', effects: ['deal.endReason'] },
      },
    },
    tech_assessment: {
      caseType: 'deal', role: 'engineer', kind: 'assessment', label: L('技术鉴定', 'Technical assessment'), due: { days: 0.5 },
      reads: ['survey'],
      outcomes: { done: { label: L('完成', 'Done'), form: 'tech_assessment', next: ['proposal_draft'], effects: ['deal.equipmentTotals', 'deal.sizing'] } },
      // VoIP sizing (issue 17): channels at 1 % blocking of the busy hour (15 % of a working day's
      // long-distance minutes, 22 working days a month), G.711 first if the broadband carries it
      sizing: {
        targetBlocking: 0.01, busyHourFraction: 0.15, workingDaysPerMonth: 22, codecPreference: ['g711', 'g729', 'g722', 'opus'], minRating: 'medium',
        packetMs: 20, layer: 'ethernet', vad: false, opusKbps: 24, greenShare: 0.5, assumedUtilisationPct: 50,
        assumedNetwork: { rttMs: 60, jitterMs: 10, lossPct: 0.5 }, jitterBufferFactor: 2, gatewayPortSizes: [4, 8, 16, 24, 32],
      },
    },
    proposal_draft: {
      caseType: 'deal', role: 'sales', kind: 'proposal', label: L('方案草拟', 'Draft the proposal'), assign: 'case_owner', due: { days: 0.5 },
      outcomes: { done: { label: L('完成', 'Done'), form: 'proposal', next: ['manager_review'], effects: ['deal.proposalFigures'] } },
      // the customer's saving: long distance at 0.30 元/min list price against VoIP at 0.10 元/min plus 50 元 a channel a month
      saving: { currentFenPerMinute: 30, voipFenPerMinute: 10, channelMonthlyFen: 5000 },
    },
    manager_review: {
      caseType: 'deal', role: 'sales_manager', kind: 'approval', scoreAs: 'manager_review', label: L('经理审核', 'Manager review'), due: { days: 1 },
      outcomes: {
        approve: { label: L('批准', 'Approve'), form: 'feasibility', next: ['gm_approval'], effects: ['deal.payback'] },
        revise: { label: L('退回修改', 'Send back'), form: 'comments', next: ['proposal_draft'] },
        reject: { label: L('否决', 'Reject'), form: 'reason', end: 'lost', effects: ['deal.endReason'] },
      },
    },
    gm_approval: {
      caseType: 'deal', role: 'gm', kind: 'approval', scoreAs: 'gm_approval', label: L('总经理审批', 'GM approval'), due: { days: 1 },
      // the GM decides on the proposal with the feasibility figures beside it
      reads: ['proposal', 'feasibility'],
      outcomes: {
        approve: { label: L('批准', 'Approve'), form: 'optional_comments', next: ['proposal_delivery'] },
        return: { label: L('退回', 'Return'), form: 'optional_comments', next: ['manager_review'] },
        reject: { label: L('否决', 'Reject'), form: 'optional_comments', end: 'lost', effects: ['deal.endReason'] },
      },
    },
    proposal_delivery: {
      caseType: 'deal', role: 'sales', kind: 'delivery', label: L('方案递交', 'Deliver the proposal'), assign: 'case_owner', due: { days: 5, from: 'case_created' },
      outcomes: { done: { label: L('已递交', 'Delivered'), form: 'delivery', next: ['negotiation'] } },
    },
    negotiation: {
      caseType: 'deal', role: 'sales', kind: 'negotiation', label: L('商务谈判', 'Negotiation'), assign: 'case_owner', due: { none: true }, longAfterDays: 10,
      outcomes: {
        signed: { label: L('签约', 'Signed'), form: 'contract', next: ['contract_archive'], effects: ['deal.contract'], means: 'won' },
        lost: { label: L('丢失', 'Lost'), form: 'reason', end: 'lost', effects: ['deal.endReason'], means: 'lost' },
      },
    },
    // ---- contract and installation, seed chapter 2 (I–J)
    contract_archive: {
      caseType: 'deal', role: 'admin_clerk', kind: 'archive', label: L('合同归档', 'Archive the contract'), due: { days: 1 },
      outcomes: { done: { label: L('已归档', 'Archived'), form: 'note', next: ['procurement'], effects: ['deal.archive', 'procurement.plan'] } },
    },
    procurement: {
      caseType: 'deal', role: 'admin_clerk', kind: 'procurement', label: L('采购', 'Procurement'), due: { days: 5 },
      outcomes: { done: { label: L('采购完成', 'Procured'), form: 'procurement', next: ['installation_dispatch'], effects: ['procurement.close'] } },
    },
    installation_dispatch: {
      caseType: 'deal', role: 'tech_manager', kind: 'dispatch', label: L('派工', 'Dispatch'), due: { days: 1 },
      outcomes: { done: { label: L('已派工', 'Dispatched'), form: 'dispatch', next: ['installation'], effects: ['deal.dispatch'] } },
    },
    installation: {
      caseType: 'deal', role: 'engineer', kind: 'installation', label: L('装机', 'Installation'), assign: { fromField: 'engineerIds' },
      due: { endOfDayOfField: 'scheduledAt' },
      outcomes: { done: { label: L('装机完成', 'Installed'), form: 'installation_order', end: 'installed', effects: ['deal.installed'] } },
    },
    // ---- after-sales, seed chapter 3 (K–N)
    answer: {
      caseType: 'ticket', role: 'engineer', alsoRoles: ['partner_engineer'], partnerAllowed: true, kind: 'answer', scoreAs: 'answer',
      label: L('咨询答复', 'Answer the inquiry'), due: { days: 1, tier: 'customer' },
      outcomes: { done: { label: L('已答复', 'Answered'), form: 'answer', end: 'closed' } },
    },
    resolve: {
      caseType: 'ticket', role: 'engineer', alsoRoles: ['partner_engineer'], partnerAllowed: true, kind: 'repair', scoreAs: 'repair',
      label: L('故障处理', 'Repair'), due: { days: 1, tier: 'customer' },
      outcomes: { done: { label: L('已处理', 'Resolved'), form: 'resolve', next: ['follow_up'], effects: ['ticket.resolve'] } },
    },
    follow_up: {
      caseType: 'ticket', role: 'cs_agent', kind: 'follow_up', scoreAs: 'follow_up', label: L('回访确认', 'Follow-up call'), due: { days: 1, tier: 'customer' },
      // the call tells the customer what the engineer did
      reads: ['complaint_record', 'problem_feedback'],
      outcomes: {
        satisfied: { label: L('满意', 'Satisfied'), form: 'follow_up', end: 'closed', effects: ['ticket.followUp'], means: 'satisfied' },
        unsatisfied: { label: L('不满意', 'Unsatisfied'), form: 'follow_up', next: ['resolve'], effects: ['ticket.followUp'], means: 'unsatisfied' },
      },
    },
    revisit: {
      caseType: 'customer', role: 'cs_agent', kind: 'revisit', scoreAs: 'revisit', label: L('定期回访', 'Periodic revisit'), due: { days: 2 },
      outcomes: { done: { label: L('已回访', 'Done'), form: 'revisit', end: 'done' } },
    },
    // ---- leads (issue 14): the salesperson the sales manager accepted a lead to contacts the customer
    lead_contact: {
      caseType: 'lead', role: 'sales', kind: 'lead_contact', label: L('联系线索客户', 'Contact the lead'), assign: 'case_owner', due: { days: 1 },
      outcomes: { contacted: { label: L('已联系', 'Contacted'), end: 'contacted' } },
    },
    // ---- the feedback cycle (seed summary; issue 13): each period the sweep opens a feedback report
    // (case type feedback), CS compiles the customer opinions, the GM reviews them and orders work
    // adjustments, each one a task of that department's manager; the last one done closes the report
    compile: {
      caseType: 'feedback', role: 'cs_manager', kind: 'feedback_compile', label: L('客户反馈汇总', 'Compile the customer feedback'),
      // the case opens at the end of the period: due one working day later
      due: { days: 1, from: 'case_created' },
      outcomes: { done: { label: L('提交总经理审查', 'Hand to the GM'), form: 'feedback_report', next: ['gm_review'], effects: ['feedback.compile'] } },
    },
    gm_review: {
      caseType: 'feedback', role: 'gm', kind: 'feedback_review', label: L('总经理审查', 'GM review'), due: { days: 2 },
      outcomes: { done: { label: L('审查完成', 'Reviewed'), form: 'feedback_review', next: ['adjustment'], forEach: 'adjustments', end: 'closed' } },
    },
    adjustment: {
      caseType: 'feedback', role: 'gm', managerOfField: 'department', kind: 'adjustment', label: L('工作调整', 'Work adjustment'),
      due: { days: 1, daysFromField: 'dueDays' },
      outcomes: { done: { label: L('调整完成', 'Done'), form: 'adjustment_done', end: 'closed', join: true } },
    },
  },
  forms: {
    // ---- numbered documents (PROCESS.md §7): prefix + copy list
    survey: {
      title: L('客户通讯状况调查表', 'Customer communications survey'), prefix: 'DC', copies: ['business', 'admin'],
      fields: [
        bool('broadbandAvailable', '是否开通宽带', 'Broadband available', { ...req, ...section('宽带情况', 'Broadband', { half: true }) }),
        text('broadbandType', '宽带类型', 'Broadband type', { max: 100, ...half }),
        decimal('bandwidthMbps', '带宽 (Mbps)', 'Bandwidth (Mbps)', { max: 100000, ...half }),
        percent('utilisationPct', '宽带利用率 (%)', 'Broadband utilisation (%)', half),
        text('networkEquipment', '网络设备品牌型号', 'Network equipment (brand, model)', { max: 200, ...half }),
        text('broadbandUsage', '使用及利用情况', 'Usage and utilisation'),
        bool('hasPbx', '是否有集团电话', 'Has a PBX', { ...req, ...section('集团电话', 'PBX', { half: true }) }),
        text('pbxModel', '集团电话品牌型号', 'PBX (brand, model)', { max: 200, ...half }),
        int('directLines', '直线数', 'Direct lines', half),
        int('trunkLines', '中继线数', 'Trunk lines', half),
        int('extensions', '分机数', 'Extensions'),
        text('ldSavingMethod', '长途节费方式', 'Long-distance saving method', { max: 200, ...section('长途话费', 'Long distance', { half: true }) }),
        percent('ldDiscountPct', '折扣 (%)', 'Discount (%)', half),
        money('monthlyLdBillFen', '实际月长途话费', 'Monthly long-distance bill', { ...req, ...half }),
        bool('acceptsSplitMode', '是否接受分流模式', 'Accepts split mode', { ...req, ...half }),
        longtext('remarks', '备注', 'Remarks', { max: 2000 }),
      ],
    },
    tech_assessment: {
      title: L('技术鉴定回执单', 'Technical assessment receipt'), prefix: 'JD', copies: ['technical', 'business', 'admin'],
      signLabel: L('鉴定人签字', 'Assessed by'),
      fields: [
        longtext('implementationDetails', '实施细节', 'Implementation details', req),
        lines('equipment', '设备清单', 'Equipment', {
          ...req, min: 1, max: 200, footer: 'totalFen',
          columns: [
            text('brand', '品牌', 'Brand', { ...req, max: 100 }),
            text('model', '型号', 'Model', { ...req, max: 100 }),
            int('quantity', '数量', 'Quantity', { ...req, min: 1 }),
            money('unitPriceFen', '单价', 'Unit price', req),
            money('lineTotalFen', '小计', 'Line total', { computed: 'deal.equipmentTotals' }),
          ],
        }),
        decimal('estimatedDurationDays', '预计工期（天）', 'Estimated duration (days)', { ...req, max: 3650 }),
        money('totalFen', '合计', 'Total', { computed: 'deal.equipmentTotals', print: false }),
        // the sizing block (issue 17): measured network, chosen codec, and what the survey implies
        select('codec', '语音编码', 'Voice codec', { options: CODEC_OPTIONS, default: 'deal.sizing', help: L('默认为建议的编码', 'Defaults to the suggested codec'), ...section('VoIP 容量规划', 'VoIP sizing', { half: true }) }),
        decimal('measuredRttMs', '实测往返时延 (ms)', 'Measured round trip (ms)', { max: 5000, help: L('例如 ping 我方网关', 'e.g. a ping to our gateway'), ...half }),
        decimal('measuredJitterMs', '实测抖动 (ms)', 'Measured jitter (ms)', { max: 1000, ...half }),
        percent('measuredLossPct', '实测丢包率 (%)', 'Measured packet loss (%)', half),
        decimal('busyHourErlangs', '忙时话务量 (Erl)', 'Busy-hour traffic (Erl)', { computed: 'deal.sizing', ...half }),
        int('suggestedChannels', '建议通道数', 'Suggested channels', { computed: 'deal.sizing', ...half }),
        percent('trunkBlockingPct', '现有中继线阻塞率 (%)', 'Blocking of the current trunks (%)', { computed: 'deal.sizing', ...half }),
        int('gatewayPorts', '网关端口数', 'Gateway ports', { computed: 'deal.sizing', ...half }),
        decimal('requiredKbps', '所需带宽 (kbit/s)', 'Bandwidth needed (kbit/s)', { computed: 'deal.sizing', ...half }),
        decimal('spareKbps', '富余带宽 (kbit/s)', 'Spare bandwidth (kbit/s)', { computed: 'deal.sizing', ...half }),
        select('bandwidthStatus', '带宽评估', 'Bandwidth', { computed: 'deal.sizing', options: BANDWIDTH_STATUS, ...half }),
        decimal('expectedMos', '预计通话质量 (MOS)', 'Expected quality (MOS)', { computed: 'deal.sizing', ...half }),
        select('qualityRating', '质量等级 (G.109)', 'Quality band (G.109)', { computed: 'deal.sizing', options: QUALITY_RATINGS }),
      ],
    },
    proposal: {
      title: L('客户业务详细解决方案', 'Detailed customer solution'), prefix: 'FA', copies: ['business', 'admin'],
      fields: [
        longtext('content', '方案内容', 'Proposal', { ...req, max: 20000, prefill: ['proposal.content'], choices: 'proposal.templates' }),
        money('investmentFen', '投资额', 'Investment', { ...req, ...half, default: 'deal.proposalFigures', help: L('默认为技术鉴定的设备合计', 'Defaults to the assessment\'s equipment total'), prefill: ['proposal.investmentFen', 'tech_assessment.totalFen'] }),
        money('monthlyGrossProfitFen', '月毛利', 'Monthly gross profit', { ...req, ...half, prefill: ['proposal.monthlyGrossProfitFen'] }),
        money('currentMonthlyLdBillFen', '客户现月长途话费', 'Current monthly long-distance bill', { computed: 'deal.proposalFigures', ...half }),
        money('proposedMonthlyCostFen', '方案月长途费用', 'Proposed monthly long-distance cost', { ...half, default: 'deal.proposalFigures', help: L('默认按资费设置计算', 'Defaults to the VoIP cost at the configured tariffs') }),
        money('monthlySavingFen', '每月节省', 'Monthly saving', { computed: 'deal.proposalFigures' }),
        int('suggestedChannels', '建议通道数', 'Suggested channels', { computed: 'deal.proposalFigures', ...section('VoIP 容量规划', 'VoIP sizing', { half: true }) }),
        select('codec', '语音编码', 'Voice codec', { computed: 'deal.proposalFigures', options: CODEC_OPTIONS, ...half }),
        int('gatewayPorts', '网关端口数', 'Gateway ports', { computed: 'deal.proposalFigures', ...half }),
        decimal('expectedMos', '预计通话质量 (MOS)', 'Expected quality (MOS)', { computed: 'deal.proposalFigures', ...half }),
      ],
    },
    feasibility: {
      title: L('实施可行性鉴定表', 'Feasibility assessment'), prefix: 'KX', copies: ['business', 'admin'],
      signLabel: L('鉴定人签字', 'Assessed by'),
      fields: [
        group('feasibility', '可行性鉴定', 'Feasibility', {
          ...req,
          fields: [
            text('operatingMode', '运营模式', 'Operating mode', {
              ...req, max: 200,
              // offered, not imposed: a company's own arrangement can be typed
              options: [
                { value: '客户买断设备，我方提供线路', label: L('客户买断设备，我方提供线路', 'Customer buys the equipment, we provide the lines') },
                { value: '我方投资设备，按月收取服务费', label: L('我方投资设备，按月收取服务费', 'We invest in the equipment, monthly service fee') },
                { value: '设备租赁，按月收取租金', label: L('设备租赁，按月收取租金', 'Equipment lease, monthly rent') },
                { value: '话费节省分成', label: L('话费节省分成', 'Share of the saving') },
              ],
            }),
            money('equipmentInvestmentFen', '设备投资', 'Equipment investment', { ...req, ...half, prefill: ['proposal.investmentFen'] }),
            money('avgMonthlyGrossProfitFen', '平均月毛利', 'Average monthly gross profit', { ...req, min: 1, ...half, prefill: ['proposal.monthlyGrossProfitFen'] }),
            percent('maxFluctuationPct', '毛利最大波动 (%)', 'Max. gross profit fluctuation (%)', { ...req, max: 99, ...half }),
          ],
        }),
        decimal('paybackMonths', '投资回收期（月）', 'Payback (months)', { computed: 'deal.payback', ...half }),
        decimal('bestCaseMonths', '最好情况（月）', 'Best case (months)', { computed: 'deal.payback', ...half }),
        decimal('worstCaseMonths', '最差情况（月）', 'Worst case (months)', { computed: 'deal.payback', ...half }),
        money('monthlySavingFen', '客户每月节省', 'Customer\'s monthly saving', { computed: 'deal.payback', ...half }),
        decimal('savingPaybackMonths', '按节省回收期（月）', 'Payback from the saving (months)', { computed: 'deal.payback', ...half }),
        longtext('comments', '意见', 'Comments', { max: 2000 }),
      ],
    },
    contract: {
      title: L('合同', 'Contract'), prefix: 'HT', copies: ['business', 'admin'],
      fields: [
        select('paymentModel', '付款方式', 'Payment model', {
          ...req, ...half,
          options: [{ value: 'one_time', label: L('一次性买断', 'One-time purchase') }, { value: 'installment', label: L('分期付款', 'Instalments') }, { value: 'lease', label: L('租赁', 'Lease') }],
        }),
        money('amountFen', '合同金额', 'Contract amount', { ...req, ...half }),
        select('serviceTier', '服务等级', 'Service level', { computed: 'deal.contract', options: SERVICE_TIERS, help: L('一次性买断为 VIP，其余为普通', 'One-time purchase gives VIP, otherwise standard') }),
        longtext('concessions', '优惠条件', 'Concessions', { max: 2000 }),
      ],
    },
    installation_order: {
      title: L('装机单', 'Installation order'), prefix: 'ZJ', copies: ['technical', 'admin'], signLabel: L('经办人签字', 'Handled by'),
      fields: [
        lines('devices', '设备明细', 'Devices', {
          ...req, min: 1, max: 500, prefill: ['units:tech_assessment.equipment'],
          columns: [
            text('brandModel', '品牌型号', 'Brand and model', { ...req, max: 200 }),
            text('serialNumber', '序列号', 'Serial number', { ...req, max: 100, serial: true }),
            text('configDocNumber', '配置文档编号', 'Configuration document no.', { ...req, max: 100 }),
          ],
        }),
        longtext('remarks', '客户特殊情况备注', 'Remarks on the customer\'s special situation', { ...req, help: L('供日后交接使用', 'For a later hand-over') }),
        customerSignature,
        select('serviceTier', '服务等级', 'Service level', { computed: 'deal.installed', options: SERVICE_TIERS }),
      ],
    },
    complaint_record: {
      title: L('客户技术质量投诉记录单', 'Technical quality complaint record'), prefix: 'TS', copies: ['technical', 'customer_service', 'admin'],
      fields: [
        longtext('problem', '问题描述', 'Problem', { filledBy: CS_SIDE }),
        lines('entries', '投诉记录', 'Rounds', {
          computed: 'ticket.resolve',
          columns: [
            int('round', '轮次', 'Round'),
            longtext('problem', '问题描述', 'Problem', { filledBy: CS_SIDE }),
            longtext('cause', '原因', 'Cause', { filledBy: ENGINEER_SIDE }),
            longtext('resolution', '解决方法', 'Resolution', { filledBy: ENGINEER_SIDE }),
            bool('qualityComplaint', '是否构成技术质量投诉', 'A technical quality complaint', { filledBy: ENGINEER_SIDE }),
            bool('satisfied', '客户是否满意', 'Customer satisfied', { filledBy: CS_SIDE }),
            longtext('customerOpinion', '客户意见', 'Customer opinion', { filledBy: CS_SIDE }),
            text('resolvedBy', '处理人', 'Handled by'),
            datetime('resolvedAt', '处理时间', 'Handled at'),
            text('followedUpBy', '回访人', 'Followed up by'),
            datetime('followedUpAt', '回访时间', 'Followed up at'),
            // which follow-up task closed this round (reports match the round by it); never shown
            text('followUpTaskId', '回访任务', 'Follow-up task', { print: false }),
          ],
        }),
        text('csRemarks', '客服部备注', 'Customer service remarks', { filledBy: CS_SIDE }),
        text('techRemarks', '技术部备注', 'Technical remarks', { filledBy: ENGINEER_SIDE }),
      ],
    },
    problem_feedback: {
      title: L('客户问题反馈单', 'Customer problem feedback'), prefix: 'FK', copies: ['technical', 'customer_service'], signLabel: L('处理人签字', 'Handled by'),
      fields: [
        longtext('faultDescription', '故障描述', 'Fault description'),
        customerSignature,
        longtext('handling', '处理情况', 'Handling'),
        longtext('cause', '原因', 'Cause'),
        lines('replacements', '更换设备', 'Replaced devices', {
          columns: [
            text('oldBrandModel', '原设备品牌型号', 'Old brand and model'),
            text('oldSerialNumber', '原设备序列号', 'Old serial number', { serial: true }),
            text('newBrandModel', '新设备品牌型号', 'New brand and model'),
            text('newSerialNumber', '新设备序列号', 'New serial number', { serial: true }),
          ],
        }),
        longtext('customerOpinion', '客户意见', 'Customer opinion'),
        text('remarks', '备注', 'Remarks'),
        int('round', '轮次', 'Round'),
        bool('satisfied', '客户是否满意', 'Customer satisfied'),
      ],
    },
    revisit: {
      title: L('客户回访记录', 'Customer revisit record'), prefix: 'HF', copies: ['customer_service'],
      fields: [
        longtext('opinion', '客户意见及建议', 'Opinions and suggestions'),
        bool('problemFound', '是否发现问题', 'Problem found', req),
      ],
    },
    feedback_report: {
      title: L('客户反馈汇总表', 'Customer feedback report'), prefix: 'FB', copies: ['customer_service', 'management'], signLabel: L('客服经理签字', 'Compiled by'),
      fields: [
        longtext('summary', '汇总意见', 'Summary', { ...req, max: 5000 }),
        lines('keyIssues', '重点问题', 'Key issues', {
          max: 100, help: L('从本期客户意见中标出需要总经理关注的问题', 'The issues of this period the GM should look at'),
          columns: [text('customerName', '客户', 'Customer', { max: 200 }), longtext('issue', '问题', 'Issue', { ...req, max: 2000 })],
        }),
        lines('opinions', '本期客户意见', 'Customer opinions of the period', {
          computed: 'feedback.compile',
          columns: [
            text('customerName', '客户', 'Customer'), text('source', '来源', 'Source'), text('ticketNumber', '工单号', 'Ticket'),
            text('at', '时间', 'When'), longtext('text', '意见', 'Opinion'),
          ],
        }),
      ],
    },
    feedback_review: {
      title: L('总经理审查', 'GM review'),
      fields: [
        longtext('findings', '发现的问题', 'Findings', { ...req, max: 5000 }),
        lines('adjustments', '工作调整', 'Work adjustments', {
          max: 50, help: L('每项调整交给该部门经理，按工作日计算期限', 'Each goes to the department\'s manager, due in working days'),
          columns: [
            select('department', '部门', 'Department', {
              ...req, options: [
                { value: 'business', label: L('业务部', 'Business') }, { value: 'technical', label: L('技术部', 'Technical') },
                { value: 'customer_service', label: L('客服部', 'Customer service') }, { value: 'admin', label: L('行政部', 'Administration') },
              ],
            }),
            longtext('what', '调整内容', 'What to change', { ...req, max: 2000 }),
            decimal('dueDays', '期限（工作日）', 'Due (working days)', { ...req, min: 0.5, max: 60 }),
          ],
        }),
      ],
    },
    adjustment_done: { title: L('调整完成', 'Adjustment done'), fields: [longtext('note', '完成情况', 'What was done', { ...req, max: 2000 })] },
    // ---- step inputs that are not numbered documents
    qualify_develop: {
      title: L('开发客户', 'Develop the customer'),
      fields: [
        text('customerType', '客户类型', 'Customer type', { ...req, max: 100 }),
        text('templateId', '方案模板', 'Proposal template', { max: 100, choices: 'proposal.templates' }),
        datetime('secondMeetingAt', '第二次会面时间', 'Second meeting', { prefill: ['case.secondMeetingAt'], help: L('默认为首次拜访后第三个工作日', 'Defaults to three days after the first visit') }),
      ],
    },
    reason: {
      title: L('原因', 'Reason'),
      fields: [longtext('reason', '原因', 'Reason', { ...req, max: 2000 }), text('competitor', '竞争对手', 'Competitor', { max: 200 })],
    },
    comments: { title: L('意见', 'Comments'), fields: [longtext('comments', '意见', 'Comments', { ...req, max: 2000 })] },
    optional_comments: { title: L('意见', 'Comments'), fields: [longtext('comments', '意见', 'Comments', { max: 2000 })] },
    delivery: { title: L('方案递交', 'Proposal delivery'), fields: [datetime('deliveredAt', '递交时间', 'Delivered at')] },
    note: { title: L('备注', 'Note'), fields: [longtext('note', '备注', 'Note', { max: 2000 })] },
    procurement: {
      title: L('采购', 'Procurement'),
      fields: [
        longtext('note', '备注', 'Note', { max: 2000 }),
        longtext('exception', '例外说明', 'Exception', { min: 1, max: 2000, help: L('未全部到货时说明原因', 'Why it closes before every line is received') }),
      ],
    },
    dispatch: {
      title: L('派工', 'Dispatch'),
      fields: [
        user('engineerIds', '安装工程师', 'Engineers', { ...req, role: 'engineer', multiple: true, min: 1, max: 20 }),
        datetime('scheduledAt', '安装时间', 'Scheduled at', req),
      ],
    },
    answer: { title: L('咨询答复', 'Answer'), fields: [longtext('answer', '答复', 'Answer', { ...req, filledBy: ENGINEER_SIDE })] },
    resolve: {
      title: L('故障处理（投诉记录单技术部分）', 'Repair (technical part of the complaint record)'),
      fields: [
        longtext('problem', '问题描述', 'Problem', { filledBy: CS_SIDE, prefill: ['complaint_record.entries.-1.problem', 'case.problem'] }),
        longtext('cause', '原因', 'Cause', { ...req, filledBy: ENGINEER_SIDE }),
        longtext('resolution', '解决方法', 'Resolution', { ...req, filledBy: ENGINEER_SIDE }),
        bool('qualityComplaint', '是否构成技术质量投诉', 'A technical quality complaint', { ...req, filledBy: ENGINEER_SIDE }),
        text('techRemarks', '技术部备注', 'Technical remarks', { filledBy: ENGINEER_SIDE }),
        lines('replacements', '更换设备', 'Replaced devices', {
          max: 100, filledBy: ENGINEER_SIDE, help: L('上门更换设备时填写（客户问题反馈单）', 'For an on-site replacement (problem feedback form)'),
          columns: [
            text('oldSerialNumber', '原设备序列号', 'Old serial number', { ...req, max: 100, serial: true, choices: 'customer.assets' }),
            text('newBrandModel', '新设备品牌型号', 'New brand and model', { ...req, max: 200 }),
            text('newSerialNumber', '新设备序列号', 'New serial number', { ...req, max: 100, serial: true }),
          ],
        }),
        { ...customerSignature, filledBy: ENGINEER_SIDE },
      ],
    },
    follow_up: {
      title: L('回访确认', 'Follow-up call'),
      fields: [
        longtext('cause', '原因', 'Cause', { filledBy: ENGINEER_SIDE, prefill: ['complaint_record.entries.-1.cause'] }),
        longtext('resolution', '解决方法', 'Resolution', { filledBy: ENGINEER_SIDE, prefill: ['complaint_record.entries.-1.resolution'] }),
        bool('qualityComplaint', '是否构成技术质量投诉', 'A technical quality complaint', { filledBy: ENGINEER_SIDE, prefill: ['complaint_record.entries.-1.qualityComplaint'] }),
        longtext('customerOpinion', '客户意见', 'Customer opinion', { filledBy: CS_SIDE }),
        text('csRemarks', '客服部备注', 'Customer service remarks', { filledBy: CS_SIDE }),
      ],
    },
  },
};
