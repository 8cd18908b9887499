import { Col, Divider, Form, Input, InputNumber, Row } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MoneyInput } from '../../../components/MoneyInput';
import { YesNo } from '../../../components/YesNo';
import { required } from '../../tasks/components/stepForm';
import { FormFields } from '../../process/StepForm';
import { useProcess } from '../../process/queries';

const S = (f: string) => ['survey', f];

/** The survey fields laid out here like the paper form; any others come from the definition. */
const LAID_OUT = new Set([
  'broadbandAvailable', 'broadbandType', 'bandwidthMbps', 'broadbandUsage', 'networkEquipment', 'hasPbx', 'pbxModel', 'directLines',
  'trunkLines', 'extensions', 'ldSavingMethod', 'ldDiscountPct', 'monthlyLdBillFen', 'acceptsSplitMode', 'remarks',
]);

/**
 * Form 1 客户通讯状况调查表, in the paper form's order. Field names are the wire names
 * under `survey`, so `survey.bandwidthMbps` errors land on the right input.
 */
export function SurveyFields() {
  const { t } = useI18n();
  const def = useProcess().data;
  const form = Form.useFormInstance();
  const broadband = Form.useWatch(S('broadbandAvailable'), form) as boolean | undefined;
  const pbx = Form.useWatch(S('hasPbx'), form) as boolean | undefined;
  const int = { precision: 0, min: 0, max: 100000, style: { width: '100%' } } as const;

  return (
    <>
      <Divider titlePlacement="start">{t('survey.section.broadband')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={S('broadbandAvailable')} label={t('survey.broadbandAvailable')} rules={required(t, t('survey.broadbandAvailable'), { whitespace: false })}>
            <YesNo />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={S('broadbandType')} label={t('survey.broadbandType')} rules={[{ max: 100 }]}>
            <Input maxLength={100} disabled={broadband === false} placeholder={t('survey.broadbandTypeHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={S('bandwidthMbps')} label={t('survey.bandwidthMbps')}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} disabled={broadband === false} suffix="Mbps" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={S('broadbandUsage')} label={t('survey.broadbandUsage')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} disabled={broadband === false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={S('networkEquipment')} label={t('survey.networkEquipment')} rules={[{ max: 200 }]}>
            <Input maxLength={200} disabled={broadband === false} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('survey.section.pbx')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={S('hasPbx')} label={t('survey.hasPbx')} rules={required(t, t('survey.hasPbx'), { whitespace: false })}>
            <YesNo />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={S('pbxModel')} label={t('survey.pbxModel')} rules={[{ max: 200 }]}>
            <Input maxLength={200} disabled={pbx === false} />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item name={S('directLines')} label={t('survey.directLines')}>
            <InputNumber {...int} />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item name={S('trunkLines')} label={t('survey.trunkLines')}>
            <InputNumber {...int} disabled={pbx === false} />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item name={S('extensions')} label={t('survey.extensions')}>
            <InputNumber {...int} disabled={pbx === false} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('survey.section.ld')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={S('ldSavingMethod')} label={t('survey.ldSavingMethod')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder={t('survey.ldHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={S('ldDiscountPct')} label={t('survey.ldDiscountPct')}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} suffix="%" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={S('monthlyLdBillFen')} label={t('survey.monthlyLdBillFen')} rules={required(t, t('survey.monthlyLdBillFen'), { whitespace: false })}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={S('acceptsSplitMode')}
            label={t('survey.acceptsSplitMode')}
            extra={t('survey.splitHint')}
            rules={required(t, t('survey.acceptsSplitMode'), { whitespace: false })}
          >
            <YesNo />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('survey.section.other')}</Divider>
      <Form.Item name={S('remarks')} label={t('survey.remarks')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      {/* fields a company added to form 1 in its definition */}
      <FormFields fields={(def?.forms.survey?.fields ?? []).filter((f) => !LAID_OUT.has(f.key))} prefix={['survey']} />
    </>
  );
}
