// The server's error reasons (src/server/messages.ts) in Chinese. An error arrives as
// {code, reason, params, message}; in Chinese the reason is translated here with its
// parameters, in English the server's own rendering (`message`) is shown, so the English
// text lives in one place. A reason missing here falls back to the server's message.
import type { components } from '../api-schema';
import type { Lang } from './index';
import { zh } from './zh';

/** Every reason the server may give (its OpenAPI document lists them). */
export type Reason = components['schemas']['Error']['error']['reason'];
/** reasons whose text comes with the error itself (zod's own, a calendar parser's) */
type OwnText = 'zod.custom' | 'zod.other' | 'field.invalid';

export const ZH_REASONS: Record<Exclude<Reason, OwnText>, string> & Partial<Record<OwnText, string>> = {
  'request.invalid': '提交内容有误：{fields}',
  'request.too_large': '提交内容过大',
  'request.uri_too_long': '网址过长（超过 {max} 个字符）',
  'request.no_route': '没有这个接口：{method} {path}',
  'request.nothing_to_change': '没有要修改的内容：请填写 {fields}',
  'request.exactly_one': '请在 {fields} 中只填一项',
  'request.bad': '请求有误',
  'db.duplicate': '该记录已存在，或同时被他人修改',
  'db.concurrent': '他人同时修改了此记录，请重试',
  'db.locked': '该记录正被他人修改',
  'db.missing_reference': '引用的记录不存在',
  'db.wrong_format': '有一个值格式不正确',
  'db.date_format': '日期或时间格式不正确',
  'db.date_range': '日期或时间超出范围',
  'db.number_range': '数字超出范围',
  'db.text_too_long': '文字过长',
  'db.text_invalid': '文字含有无效字符',
  internal: '服务器出错，请稍后再试',
  not_found: '{entity}不存在',
  required: '必填',
  'field.unknown_customer': '没有这个客户',
  'field.unknown_user': '没有这个用户',
  'field.unknown_partner': '没有这个服务商',
  'field.unknown_case': '没有这个案件',
  'field.unknown_role': '当前流程没有角色 {role}',
  'field.unknown_department': '当前流程没有部门 {department}',
  'field.unknown_tier': '当前流程没有服务等级 {tier}',
  'field.partner_required': '外包工程师必须选择所属服务商',
  'field.not_before': '不能早于{other}',
  'field.in_past': '不能早于现在',
  'field.year_range': '年份须在 {min} 至 {max} 之间',
  'field.listed_twice': '重复选择',
  'field.user_lacks_role': '该用户没有「{role}」岗位',
  'report.period_empty': '结束日期必须晚于开始日期',
  'field.total_too_large': '合计金额过大',
  'field.filled_by_other_role': '由其他岗位填写',
  'field.outcome_not_allowed': '须为以下之一：{allowed}',
  'field.not_received': '{item} 尚未到货',
  'text.nul': '不能包含空字符（U+0000）',
  'text.lone_surrogate': '包含无效的字符编码',
  'zod.invalid_type': '必填或格式不正确',
  'zod.too_small': '太小或太短（至少 {minimum}）',
  'zod.too_big': '太大或太长（至多 {maximum}）',
  'zod.invalid_format': '格式不正确',
  'zod.invalid_value': '须为以下之一：{values}',
  'zod.unrecognized_keys': '不认识的字段：{keys}',
  'zod.not_multiple_of': '须为 {divisor} 的倍数',
  'auth.login_required': '请先登录',
  'auth.wrong_credentials': '用户名或密码错误',
  'auth.session_expired': '会话已失效，请重新登录',
  'auth.password_change_required': '请先修改密码',
  'auth.csrf': '请求来源不是本系统',
  'auth.too_many_attempts': '登录尝试过多，请 {seconds} 秒后再试',
  'auth.current_password_wrong': '当前密码不正确',
  'auth.password_unchanged': '新密码不能与当前密码相同',
  'password.too_short': '密码至少 {min} 位',
  'password.common': '这是常见密码，请换一个',
  'user.username_taken': '用户名 {username} 已被使用',
  'user.last_sysadmin': '最后一个系统管理员不能停用或撤销',
  forbidden: '无权执行此操作',
  'survey.invalid': '调查表有误',
  'form.invalid': '表单有误',
  'form.fields_of_other_role': '{fields}：由其他岗位填写',
  'task.done': '该任务已完成',
  'task.not_yours': '该任务不属于您',
  'task.step_not_in_version': '环节 {step} 不在流程版本 {version} 中',
  'task.assign_manager_only': '只有本部门经理可以分派',
  'task.not_for_partner': '该环节不能交给外包服务商',
  'partner.certificate_expired': '服务商资质已过期（{date}）',
  'deal.policy_managers_only': '政策调整只能由业务经理或总经理记录',
  'deal.moves_owner_only': '只有本商机的业务员或经理可以记录',
  'deal.not_negotiating': '商机当前不在谈判阶段',
  'deal.change_owner_only': '只有本商机的业务员或业务经理可以修改',
  'deal.ended': '商机已结束',
  'lead.unknown': '没有这条线索',
  'lead.not_new': '线索已处理，不能再分配或退回',
  'lead.not_accepted': '只有已受理的线索可以立项',
  'lead.not_yours': '该线索分配给了其他业务员',
  'lead.other_customer': '商机必须是线索对应的客户',
  'lead.class_reason_required': '修改类别时请填写原因',
  'lead.referrer_no_deal_work': '线索推荐人不能参与该项目的操作',
  'commission.month_locked': '该月提成已审批锁定',
  'commission.month_not_over': '该月尚未结束',
  'commission.month_not_approved': '总经理尚未审批该月提成',
  'commission.not_due': '提成尚未到期（项目未装机）',
  'commission.already_paid': '提成已发放',
  'duty.manager_only': '只有该值班表的负责经理可以修改（客服值班：客服经理；7×24 值守：技术经理）',
  'duty.month_started': '该月已开始，值班表不能再修改',
  'duty.no_official_calendar': '该年度的国家法定节假日安排尚未发布',
  'duty.nobody': '没有可安排值班的人员',
  'duty.other_month': '必须是本月的日期',
  'duty.no_duty_day': '该日不是值班日',
  'allowance.month_locked': '该月津贴已审批锁定',
  'mailbox.too_many': '每天最多写 {max} 封信',
  'mailbox.handled': '该来信已处理',
  'training.other_manager': '只有总经理或授课部门的经理可以修改该培训',
  'stale.customer': '客户资料已被他人修改，请刷新',
  'customer.duplicate': '已有同名同电话的客户：{name}（{phone}）',
  'stale.purchase_line': '采购明细已被他人修改，请刷新',
  'purchase.not_received': '尚未到货：{items}。全部到货后再完成，或填写例外说明',
  'serial.twice_in_list': '序列号 {serial} 与第 {line} 行重复',
  'serial.in_service': '序列号 {serial} 已在客户「{customer}」处使用中',
  'serial.in_service_here': '序列号 {serial} 已在本客户处使用中',
  'serial.already_in_service': '序列号 {serial} 已在使用',
  'serial.just_taken': '序列号 {serial} 刚被登记为使用中',
  'serial.not_at_customer': '该客户没有在用的此序列号设备',
  'revisit.not_a_revisit': '这不是回访任务',
  'revisit.ticket_exists': '该回访已开过工单',
  'revisit.no_problem': '该回访未发现问题',
  'attachment.malformed': '上传的文件格式不完整，请重试',
  'attachment.type_not_allowed': '只能上传图片、PDF 和 Office 文件',
  'request.rate_limited': '请求过于频繁（每分钟至多 {max} 次）',
  'outbox.retry_failed_only': '只有发送失败的消息可以重试',
  'notify.channel_not_configured': '该渠道尚未配置',
  'notify.no_email': '您没有电子邮箱地址，请填写收件人',
  'ticket.closed': '工单已结案',
  'ticket.already_paused': '工单已暂停',
  'ticket.not_paused': '工单未暂停',
  'rating.used': '该评价链接已使用',
  'rating.expired': '该评价链接已过期',
  'rating.closed': '该维修已完成回访，无需再评价',
  'clock.forward_only': '时钟只能向前拨',
  'calendar.no_holiday_data': '{years} 年的法定节假日安排尚未录入，期限暂按周末计算',
  'process.invalid': '流程定义有误：{fields}',
  'process.issue': '{detail}',
  'process.role_in_use': '仍有 {count} 个用户担任角色 {role}，请先取消他们的该角色',
  'process.tier_in_use': '服务等级 {tier} 仍有 {customers} 个客户和 {tasks} 个未完成任务在用：请保留（可改名）或先迁移',
  'process.field_in_use': '表单 {form} 的字段 {field} 已有 {count} 份单据使用：只能隐藏，不能删除',
  'process.outdated_draft': '版本 {version} 基于版本 {basedOn} 起草，但当前版本已是 {current}：请基于当前版本重新起草',
  'process.already_current': '版本 {version} 已是当前版本',
  'process.published_concurrently': '同时有人发布了另一个版本，请刷新',
};

/** Chinese names of the things a parameter may name (entity, other field, role). */
const ZH_WORDS: Record<string, string> = {
  record: '记录', route: '接口', deal: '商机', ticket: '工单', task: '任务', customer: '客户', user: '用户',
  document: '单据', partner: '服务商', notification: '通知', session: '会话', 'process version': '流程版本',
  'purchase line': '采购明细', 'calendar day': '日历日', firstVisit: '首次拜访时间', orderedAt: '下单日期',
};

function word(value: string): string {
  const role = `role.${value}`;
  return ZH_WORDS[value] ?? (role in zh ? zh[role as keyof typeof zh] : value);
}

/** The text of an error reason in the user's language; `fallback` is the server's English. */
export function translateReason(reason: string | undefined, params: Record<string, unknown> | undefined, fallback: string, lang: Lang): string {
  const template = reason ? (ZH_REASONS as Record<string, string | undefined>)[reason] : undefined;
  if (lang !== 'zh' || !template) return fallback;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params?.[name];
    return v === undefined || v === null ? whole : word(String(v));
  });
}
