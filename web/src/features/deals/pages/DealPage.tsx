import { Alert, Card } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { useCapabilities } from '../../../app/access';
import { fmtDateTime, fmtFen } from '../../../app/format';
import { CaseLayout } from '../../tasks/components/CaseLayout';
import { PurchaseListPanel } from '../components/PurchaseListPanel';
import { useProcess } from '../../process/queries';
import { NegotiationLog } from '../components/NegotiationLog';
import { dealKey, useDeal } from '../queries';
import { EngineeringPanel } from '../../engineering/EngineeringPanel';
import { SuggestionsProvider } from '../../process/suggestions';

export default function DealPage() {
  const { id = '' } = useParams();
  const { t, tk } = useI18n();
  const user = useUser();
  const can = useCapabilities();
  const def = useProcess().data;
  const queryClient = useQueryClient();
  const deal = useDeal(id);

  return (
    <SuggestionsProvider>
    <CaseLayout
      type="deal"
      query={deal}
      caseKey={dealKey(id)}
      // the purchase list closes the procurement step: its lines are received there
      extras={(task, d) => (def?.steps[task.step]?.kind === 'procurement' ? { summary: <PurchaseListPanel dealId={d.id} editable /> } : undefined)}
      details={(d) => [
        { label: t('deal.secondMeetingAt'), value: fmtDateTime(d.secondMeetingAt) },
        d.amountFen != null && { label: t('nego.amountFen'), value: fmtFen(d.amountFen) },
        !!d.paymentModel && { label: t('nego.paymentModel'), value: tk('nego.paymentModel', d.paymentModel) },
        !!d.endReason && { label: t('nego.reason'), value: d.endReason },
        !!d.competitor && { label: t('nego.competitor'), value: d.competitor },
      ]}
      headerBelow={(d) => d.longNegotiation && <Alert type="warning" showIcon title={t('deal.longNegotiation')} style={{ marginTop: 12 }} />}
      panels={(d) => {
        const kind = def?.steps[d.state]?.kind;
        const negotiating = kind === 'negotiation' || kind === 'delivery';
        // the VoIP sizing beside the open pre-sales steps (issue 17)
        const engineering = <EngineeringPanel deal={d} />;
        if (!negotiating && !(d.negotiationLog?.length ?? 0)) return engineering;
        return (
          <>
          {engineering}
          <Card title={t('deal.negotiationLog')}>
            <NegotiationLog
              dealId={d.id}
              entries={d.negotiationLog ?? []}
              canAdd={negotiating && (d.abilities?.negotiate ?? can.negotiationLog)}
              managerKinds={can.adjustPolicy}
              onAdded={() => queryClient.invalidateQueries({ queryKey: dealKey(id) })}
            />
          </Card>
          </>
        );
      }}
    />
    </SuggestionsProvider>
  );
}
