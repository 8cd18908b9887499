import { AutoComplete, Button, Form, Input, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { YesNo } from '../../../components/YesNo';
import { SignaturePad } from '../../../components/SignaturePad';
import { required, type StepFormRegistry } from '../../tasks/components/stepForm';
import type { TicketDetail } from '../api';

const F = (...path: (string | number)[]) => ['form', ...path];

/** Form 6's replaced devices: old serial (from the asset registry) → new device. */
function Replacements({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  const serials = (ticket.customer?.assets ?? []).filter((a) => !a.replacedAt).map((a) => ({ value: a.serialNumber, label: `${a.serialNumber} · ${a.brandModel}` }));
  return (
    <Form.Item label={t('ticket.replacements')}>
      <Form.List name={F('replacements')}>
        {(fields, { add, remove }) => (
          <>
            {fields.length > 0 && (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                data-testid="replacement-lines"
                columns={[
                  {
                    title: t('ticket.oldSerialNumber'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'oldSerialNumber']} rules={[...required(t, t('ticket.oldSerialNumber')), { max: 100 }]} style={{ margin: 0 }}>
                        <AutoComplete options={serials} maxLength={100} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('ticket.newBrandModel'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'newBrandModel']} rules={[...required(t, t('ticket.newBrandModel')), { max: 200 }]} style={{ margin: 0 }}>
                        <Input maxLength={200} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('ticket.newSerialNumber'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'newSerialNumber']} rules={[...required(t, t('ticket.newSerialNumber')), { max: 100 }]} style={{ margin: 0 }}>
                        <Input maxLength={100} />
                      </Form.Item>
                    ),
                  },
                  {
                    width: 48,
                    render: (_, f) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />,
                  },
                ]}
              />
            )}
            <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({})} data-testid="replacement-add">
              {t('ticket.addReplacement')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** One form per after-sales step. */
export const TICKET_STEP_FORMS: StepFormRegistry<TicketDetail> = {
  answer: {
    render: ({ t }) => (
      <Form.Item name={F('answer')} label={t('ticket.answer')} rules={[...required(t, t('ticket.answer')), { max: 5000 }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
    ),
  },
  resolve: {
    render: ({ t, caseData }) => (
      <>
        <Form.Item name={F('cause')} label={t('ticket.cause')} rules={[...required(t, t('ticket.cause')), { max: 5000 }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name={F('resolution')} label={t('ticket.resolution')} rules={[...required(t, t('ticket.resolution')), { max: 5000 }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name={F('qualityComplaint')} label={t('ticket.qualityComplaint')} rules={required(t, t('ticket.qualityComplaint'), { whitespace: false })}>
          <YesNo />
        </Form.Item>
        <Form.Item name={F('techRemarks')} label={t('ticket.techRemarks')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Replacements ticket={caseData} />
        <Form.Item name={F('customerSignature')} label={t('field.customerSignature')}>
          <SignaturePad />
        </Form.Item>
      </>
    ),
  },
  follow_up: {
    outcomes: ['satisfied', 'unsatisfied'],
    render: ({ t, outcome }) =>
      outcome ? (
        <Form.Item name={F('customerOpinion')} label={t('ticket.customerOpinion')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      ) : null,
  },
};
