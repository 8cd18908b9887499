import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { canAssignTask, canWorkOnTask } from '../../../app/access';
import { AssignTaskButton } from './AssignTaskButton';
import { applyServerErrors } from '../../../app/formErrors';
import { cleanBody } from '../../../app/wire';
import { fmtDateTime, fmtHours } from '../../../app/format';
import type { ErrorDetail } from '../../../app/api';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { completeTask, type Task } from '../api';
import { applyAssignment, applyCompletion } from '../queries';
import type { StepFormRegistry, StepFormSpec, StepFormValues } from './stepForm';
import { StepForm } from '../../process/StepForm';
import { ApplySuggestions } from '../../process/suggestions';
import { useProcessText } from '../../process/queries';
import { useNavigate } from 'react-router-dom';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';

interface Props<C> {
  task: Task;
  caseData: C;
  forms: StepFormRegistry<C>;
  /** the cached case this task belongs to: a completion's reply updates it */
  caseKey: QueryKey;
}

/** The open task of a case with the right form for its step, if the user may do it. */
export function TaskPanel<C>({ task, caseData, forms, caseKey }: Props<C>) {
  const { t, tk } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const text = useProcessText();
  const stepDef = text.def?.steps[task.step];
  // a step the web has no hand-made form for (added or renamed in the definition) renders from its fields
  const spec: StepFormSpec<C> | undefined =
    forms[task.step] ??
    (stepDef && {
      outcomes: Object.keys(stepDef.outcomes),
      render: ({ outcome }) => <StepForm step={task.step} outcome={outcome} />,
    });
  // the server's abilities win; the local rule only serves a server that does not send them yet
  const mine = task.abilities?.complete ?? canWorkOnTask(task, user);
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const initialValues = useMemo(
    () => ({ ...(spec?.initialValues?.(caseData, task) ?? {}), ...(spec?.outcomes?.length === 1 ? { outcome: spec.outcomes[0] } : {}) }),
    // initial values are read once per task
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [task.id],
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
      {(task.abilities?.assign ?? canAssignTask(task, user.roles)) && <AssignTaskButton task={task} onAssigned={(assigned) => applyAssignment(queryClient, caseKey, assigned)} />}
    </Space>
  );

  if (!mine || !spec) {
    return (
      <Card title={header} data-testid="task-panel">
        <Alert type="info" showIcon title={mine ? t('common.notAvailable') : t('deal.waitingFor', { role: text.role(task.assigneeRole), step: text.step(task.step) })} />
      </Card>
    );
  }

  const onFinish = async (values: StepFormValues) => {
    setSubmitting(true);
    setUnmatched([]);
    try {
      const custom = spec.submit ? await spec.submit(task, values) : undefined;
      if (custom) {
        message.success(t('task.completed'));
        if (custom.navigateTo) navigate(custom.navigateTo);
        else await queryClient.invalidateQueries({ queryKey: caseKey });
        return;
      }
      const base = spec.toBody ? spec.toBody(values) : { outcome: values.outcome, form: values.form ?? {}, note: values.note };
      const body = cleanBody({ ...base, form: base.form ?? {}, specialReason: values.specialReason });
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
      {spec.summary?.(caseData)}
      <ServerErrorAlert details={unmatched} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
        validateTrigger={['onChange', 'onBlur']}
        name={`task-${task.step}`}
        scrollToFirstError
      >
        {spec.outcomes && spec.outcomes.length > 1 && (
          <Form.Item name="outcome" label={t('task.outcome')} rules={[{ required: true, message: t('common.required', { field: t('task.outcome') }) }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={spec.outcomes.map((o) => ({ value: o, label: text.outcome(task.step, o) }))}
              data-testid="task-outcome"
            />
          </Form.Item>
        )}
        {spec.outcomes && spec.outcomes.length === 1 && (
          <Form.Item name="outcome" hidden>
            <Input />
          </Form.Item>
        )}
        {spec.render({ task, outcome, form, caseData, t, tk })}
        <ApplySuggestions step={task.step} />
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
