import { Button, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { fmtFen } from '../../../app/format';
import { MoneyInput } from '../../../components/MoneyInput';
import { required } from '../../tasks/components/stepForm';

export interface EquipmentLine {
  brand?: string;
  model?: string;
  quantity?: number;
  unitPriceFen?: number;
}

export function equipmentTotalFen(lines: EquipmentLine[] | undefined): number {
  return (lines ?? []).reduce((sum, l) => sum + (l?.quantity ?? 0) * (l?.unitPriceFen ?? 0), 0);
}

const NAME = ['form', 'equipment'];

/** Form 2's equipment lines (brand, model, quantity, unit price) with a live total. */
export function EquipmentLines() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const lines = Form.useWatch(NAME, form) as EquipmentLine[] | undefined;
  return (
    <Form.Item label={t('assess.equipment')} required>
      <Form.List
        name={NAME}
        rules={[
          {
            validator: async (_, value: unknown[] | undefined) => {
              if (!value || value.length === 0) throw new Error(t('common.required', { field: t('assess.equipment') }));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              data-testid="equipment-lines"
              columns={[
                {
                  title: t('assess.brand'),
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'brand']} rules={[...required(t, t('assess.brand')), { max: 100 }]} style={{ margin: 0 }}>
                      <Input maxLength={100} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('assess.model'),
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'model']} rules={[...required(t, t('assess.model')), { max: 100 }]} style={{ margin: 0 }}>
                      <Input maxLength={100} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('assess.quantity'),
                  width: 110,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'quantity']} rules={required(t, t('assess.quantity'), { whitespace: false })} style={{ margin: 0 }}>
                      <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('assess.unitPriceFen'),
                  width: 160,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'unitPriceFen']} rules={required(t, t('assess.unitPriceFen'), { whitespace: false })} style={{ margin: 0 }}>
                      <MoneyInput />
                    </Form.Item>
                  ),
                },
                {
                  title: t('assess.lineTotal'),
                  width: 130,
                  align: 'right',
                  render: (_, f) => {
                    const l = lines?.[f.name];
                    return fmtFen((l?.quantity ?? 0) * (l?.unitPriceFen ?? 0));
                  },
                },
                {
                  width: 48,
                  render: (_, f) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />,
                },
              ]}
            />
            <Space style={{ marginTop: 8, width: '100%', justifyContent: 'space-between' }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} data-testid="equipment-add">
                {t('assess.addLine')}
              </Button>
              <Typography.Text strong data-testid="equipment-total">
                {t('assess.total')}: {fmtFen(equipmentTotalFen(lines))}
              </Typography.Text>
            </Space>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
