import { useRef, useState } from 'react';
import { Button, Form, Input, Table, type InputRef } from 'antd';
import { BarcodeOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { required } from '../../tasks/components/stepForm';

interface DeviceLine {
  brandModel?: string;
  serialNumber?: string;
  configDocNumber?: string;
}

const NAME = ['form', 'devices'];

/**
 * Form 4's device lines. A barcode scanner types the serial number and presses Enter:
 * the first line still missing a serial takes it, otherwise a new line is added with the
 * previous line's brand/model.
 */
export function DeviceLines() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const [scan, setScan] = useState('');
  const scanRef = useRef<InputRef>(null);

  const takeScan = () => {
    const serial = scan.trim();
    if (!serial) return;
    const lines = ((form.getFieldValue(NAME) as DeviceLine[] | undefined) ?? []).map((l) => ({ ...l }));
    const empty = lines.findIndex((l) => !l?.serialNumber);
    if (empty >= 0) lines[empty] = { ...lines[empty], serialNumber: serial };
    else lines.push({ brandModel: lines[lines.length - 1]?.brandModel, serialNumber: serial });
    form.setFieldValue(NAME, lines);
    setScan('');
    scanRef.current?.focus();
  };

  return (
    <>
      <Form.Item label={t('install.scan')}>
        <Input
          ref={scanRef}
          prefix={<BarcodeOutlined />}
          value={scan}
          placeholder={t('install.scanPlaceholder')}
          onChange={(e) => setScan(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault(); // Enter adds a line; it must not submit the form
              takeScan();
            }
          }}
          data-testid="device-scan"
        />
      </Form.Item>
      <Form.Item label={t('install.devices')} required>
        <Form.List
          name={NAME}
          rules={[
            {
              validator: async (_, value: unknown[] | undefined) => {
                if (!value || value.length === 0) throw new Error(t('install.atLeastOne'));
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
                data-testid="device-lines"
                columns={[
                  { title: '#', width: 40, render: (_, f) => f.name + 1 },
                  {
                    title: t('install.brandModel'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'brandModel']} rules={[...required(t, t('install.brandModel')), { max: 200 }]} style={{ margin: 0 }}>
                        <Input maxLength={200} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('install.serialNumber'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'serialNumber']} rules={[...required(t, t('install.serialNumber')), { max: 100 }]} style={{ margin: 0 }}>
                        <Input maxLength={100} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('install.configDocNumber'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'configDocNumber']} rules={[...required(t, t('install.configDocNumber')), { max: 100 }]} style={{ margin: 0 }}>
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
              <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({})}>
                {t('common.add')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}
