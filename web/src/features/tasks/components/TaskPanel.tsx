import { useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { AssignTaskButton } from './AssignTaskButton';
import { applyServerErrors } from '../../../app/formErrors';
import { cleanBody } from '../../../app/wire';
import { fmtDateTime, fmtHours } from '../../../app/format';
import type { ErrorDetail } from '../../../app/api';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { completeTask, type Task } from '../api';
import { applyAssignment, applyCompletion } from '../queries';
import { StepForm, formOf } from '../../process/StepForm';
import { initialValues as startingValues, type CaseContext } from '../../process/values';
import { useCaseProcess, useProcessText } from '../../process/queries';
import { ApplySuggestions } from '../../process/suggestions';
import { StepInputs } from '../../process/StepInputs';

export interface StepFormValues {
  outcome?: string;
  form?: Record<string, unknown>;
  specialReason?: string;
  [extra: string]: unknown;
}

/** What a case page adds to a task's form beside the definition's fields (by the step's kind, never its key). */
export interface TaskExtras {
  /** above the form, e.g. the purchase list while procuring */
  summary?: ReactNode;
  /** inputs after the fields that are not form fields (a revisit's ticket kind) */
  fields?: ReactNode;
  /** finish the step another way: return where to go, or undefined to complete it as usual */
  submit?: (task: Task, values: StepFormValues) => Promise<{ navigateTo?: string } | undefined>;
}

interface Props {
  task: Task;
  /** the case the task belongs to: prefills and read-only values come from it and its documents */
  caseData: CaseContext & { definitionVersion?: number | null };
  /** the cached case this task belongs to: a completion's reply updates it */
  caseKey: QueryKey;
  extras?: TaskExtras;
}

/** The open task of a case with its step's form from the definition, if the user may do it. */
export function TaskPanel({ task, caseData, caseKey, extras }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const text = useProcessText();
  const def = useCaseProcess(caseData.definitionVersion);
  const stepDef = def?.steps[task.step];
  const outcomeKeys = Object.keys(stepDef?.outcomes ?? {});
  const mine = task.abilities?.complete ?? false;
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  // starting values are read once per task (and outcome): what the user types is never replaced
  const start = useMemo(
    () => (outcomeKeys.length === 1 ? { outcome: outcomeKeys[0], form: startingValues(formOf(def, task.step, outcomeKeys[0]), caseData) } : {}),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [task.id, !!def],
  );

  const header = (
    <Space wrap>
      <span>{t('deal.openTask')}：</span>
      <Typography.Text strong data-testid="open-task-step">
        {text.step(task.step)}
      </Typography.Text>
      <Tag>{text.role(task.assigneeRole)}</Tag>
      <Typography.Text type="secondary">{t('task.dueAt', { at: fmtDateTime(task.dueAt) })}</Typography.Text>
      {typeof task.remainingWorkingHours === 'number' && !task.overdue && (
        <Typography.Text type="secondary">({t('inbox.remainingValue', { h: fmtHours(task.remainingWorkingHours) })})</Typography.Text>
      )}
      {task.overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}
      {task.abilities?.assign && <AssignTaskButton task={task} onAssigned={(assigned) => applyAssignment(queryClient, caseKey, assigned)} />}
    </Space>
  );

  if (!mine || !stepDef) {
    return (
      <Card title={header} data-testid="task-panel">
        <Alert type="info" showIcon title={mine ? t('common.notAvailable') : t('deal.waitingFor', { role: text.role(task.assigneeRole), step: text.step(task.step) })} />
      </Card>
    );
  }

  const onValuesChange = (changed: StepFormValues) => {
    // a chosen outcome starts its own form from the case (a revision starts from the last draft)
    if (changed.outcome !== undefined) form.setFieldValue('form', startingValues(formOf(def, task.step, changed.outcome), caseData));
  };

  const onFinish = async (values: StepFormValues) => {
    setSubmitting(true);
    setUnmatched([]);
    try {
      const custom = extras?.submit ? await extras.submit(task, values) : undefined;
      if (custom) {
        message.success(t('task.completed'));
        if (custom.navigateTo) navigate(custom.navigateTo);
        else await queryClient.invalidateQueries({ queryKey: caseKey });
        return;
      }
      const body = cleanBody({ outcome: values.outcome, form: values.form ?? {}, specialReason: values.specialReason });
      const reply = await completeTask(task.id, body);
      message.success(t('task.completed'));
      void applyCompletion(queryClient, caseKey, reply);
    } catch (e) {
      // the typed values stay; the server's reasons go onto the fields
      setUnmatched(applyServerErrors(form, e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title={header} data-testid="task-panel">
      {extras?.summary}
      <StepInputs def={def} step={task.step} documents={caseData.documents} />
      <ServerErrorAlert details={unmatched} />
      <Form
        form={form}
        layout="vertical"
        initialValues={start}
        onValuesChange={onValuesChange}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
        validateTrigger={['onChange', 'onBlur']}
        name={`task-${task.step}`}
        scrollToFirstError
      >
        <StepForm def={def} step={task.step} outcome={outcome ?? (outcomeKeys.length === 1 ? outcomeKeys[0] : undefined)} caseData={caseData} />
        <ApplySuggestions step={task.step} />
        {extras?.fields}
        {task.overdue && (
          <Form.Item name="specialReason" label={t('task.specialReason')} extra={t('task.specialReasonHint')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="task-submit">
          {t('common.submit')}
        </Button>
      </Form>
    </Card>
  );
}
