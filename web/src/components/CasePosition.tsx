import { Card } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/I18n';
import { type Position, positionMarks } from '../lib/diagram-marks';

const BpmnDiagram = lazy(() => import('./BpmnDiagram'));

interface CasePositionAnswer extends Position {
  process: { key: string; version: number; name: string; xml: string };
}

/** Where the case stands in its process: the path taken in green, where it waits in orange, a failed step in red. */
export function CasePosition({ caseId, stage, caseNumber }: { caseId: string; stage: string; caseNumber?: string }) {
  const { t } = useI18n();
  const position = useLoad(() => api.get<CasePositionAnswer>(`/api/cases/${caseId}/position`), caseId + stage);
  const xml = useLoad(() => (position.data ? api.text(position.data.process.xml) : Promise.resolve('')), position.data?.process.xml ?? '');
  const marks = useMemo(() => (position.data ? positionMarks(position.data) : []), [position.data]);
  if (!position.data || !xml.data) return null;
  return (
    <Card title={`${caseNumber ? `${caseNumber} · ` : ''}${t('design.position')} · ${position.data.process.name} v${position.data.process.version}`} size="small" style={{ marginTop: 16 }}>
      <Suspense fallback={null}>
        <BpmnDiagram xml={xml.data} marks={marks} label={t('design.position')} />
      </Suspense>
    </Card>
  );
}
