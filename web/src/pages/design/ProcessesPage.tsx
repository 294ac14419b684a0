import { App, Button, Card, Col, Row, Table, Tag, Typography, Upload } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useShowError } from '../../api/useShowError';
import { useI18n } from '../../i18n/I18n';
import { ApiError } from '../../lib/api-errors';
import { type BpmnProblem, problemsByElement } from '../../lib/diagram-marks';
import { beijingTime } from '../../lib/time';
import { BindMatterCard } from './BindMatterCard';
import { ProcessMattersCard } from './ProcessMattersCard';
import { VersionCasesCard } from './VersionCasesCard';

const BpmnDiagram = lazy(() => import('../../components/BpmnDiagram'));

interface Version {
  key: string;
  version: number;
  name: string;
  kind: string;
  active: boolean;
  uploadedBy: { name: string } | null;
  createdAt: string;
}

interface ProcessSummary {
  key: string;
  versions: number;
  active?: Version;
}

interface Refused {
  xml: string;
  byElement: Map<string | null, BpmnProblem[]>;
}

/**
 * 流程设计: the processes and their versions, each drawn; an upload the validator refuses is drawn with its problems on it;
 * the matters bound to the selected process, and the cases running on the version shown, each drawn where it stands.
 */
export default function ProcessesPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const processes = useLoad(() => api.get<ProcessSummary[]>('/api/processes'), 'processes');
  const [key, setKey] = useState<string | null>(null);
  const versions = useLoad(() => (key ? api.get<Version[]>(`/api/processes/${key}/versions`) : Promise.resolve([])), key ?? '');
  const [shown, setShown] = useState<{ key: string; version: number } | null>(null);
  const xml = useLoad(() => (shown ? api.text(`/api/processes/${shown.key}/versions/${shown.version}/xml`) : Promise.resolve('')), shown ? `${shown.key}/${shown.version}` : '');
  const [refused, setRefused] = useState<Refused | null>(null);
  const [bindings, setBindings] = useState(0);
  const activeOfKey = processes.data?.find((process) => process.key === key)?.active;
  const notes = useMemo(
    () => new Map([...(refused?.byElement ?? [])].filter(([id]) => id !== null).map(([id, problems]) => [id!, problems.map((problem) => pick(problem.message)).join('；')])),
    [refused, pick],
  );

  const upload = async (file: File) => {
    const text = await file.text();
    try {
      const saved = await api.postXml<Version>('/api/processes', text);
      setRefused(null);
      void message.success(t('design.valid'));
      processes.reload();
      setKey(saved.key);
      setShown({ key: saved.key, version: saved.version });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'BPMN_INVALID') setRefused({ xml: text, byElement: problemsByElement(error.details) });
      else showError(error);
    }
  };
  const activate = (version: Version) => api.post(`/api/processes/${version.key}/versions/${version.version}/activate`).then(() => (versions.reload(), processes.reload()), showError);

  return (
    <section aria-labelledby="processes-title">
      <Typography.Title level={3} id="processes-title">
        {t('menu.processes')}
      </Typography.Title>
      <Upload.Dragger accept=".bpmn,.xml" showUploadList={false} beforeUpload={(file) => (void upload(file), false)} style={{ marginBottom: 16 }}>
        <p>{t('design.upload')}</p>
      </Upload.Dragger>
      {refused && (
        <Card title={<span style={{ color: '#c62828' }}>{t('design.problems')}</span>} size="small" style={{ marginBottom: 16 }}>
          <Suspense fallback={null}>
            <BpmnDiagram xml={refused.xml} notes={notes} label={t('design.problems')} />
          </Suspense>
          <Table<BpmnProblem>
            rowKey={(problem) => `${problem.rule}-${problem.elementId}-${problem.message.en}`}
            size="small"
            pagination={false}
            dataSource={[...refused.byElement.values()].flat()}
            columns={[
              { title: 'element', dataIndex: 'elementId', render: (id: string | null) => id ?? '—' },
              { title: 'rule', dataIndex: 'rule' },
              { title: t('incidents.error'), dataIndex: 'message', render: (text: BpmnProblem['message']) => pick(text) },
            ]}
          />
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Table<ProcessSummary>
            rowKey="key"
            size="small"
            loading={processes.loading}
            pagination={false}
            dataSource={processes.data ?? []}
            onRow={(process) => ({ onClick: () => setKey(process.key) })}
            rowClassName={(process) => (process.key === key ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('design.key'), dataIndex: 'key', render: (processKey: string) => <Button type="link" onClick={() => setKey(processKey)}>{processKey}</Button> },
              { title: t('admin.name'), render: (_, process) => process.active?.name },
              { title: t('design.active'), render: (_, process) => process.active && `v${process.active.version}` },
              { title: t('design.versions'), dataIndex: 'versions' },
            ]}
          />
        </Col>
        <Col xs={24} lg={14}>
          {key && (
            <Table<Version>
              rowKey="version"
              size="small"
              loading={versions.loading}
              pagination={false}
              dataSource={versions.data ?? []}
              columns={[
                { title: t('design.versions'), dataIndex: 'version', render: (version: number) => `v${version}` },
                { title: t('admin.name'), dataIndex: 'name' },
                { title: t('admin.when'), dataIndex: 'createdAt', render: beijingTime },
                { title: t('board.holder'), dataIndex: 'uploadedBy', render: (by: Version['uploadedBy']) => by?.name ?? '—' },
                {
                  title: '',
                  render: (_, version) => (
                    <>
                      <Button size="small" onClick={() => setShown({ key: version.key, version: version.version })}>{t('common.view')}</Button>{' '}
                      {version.active ? <Tag color="green">{t('design.active')}</Tag> : <Button size="small" onClick={() => activate(version)}>{t('design.activate')}</Button>}
                    </>
                  ),
                },
              ]}
            />
          )}
        </Col>
      </Row>
      {key && <ProcessMattersCard processKey={key} reloadKey={String(bindings)} />}
      {key && activeOfKey && <BindMatterCard processKey={key} kind={activeOfKey.kind} onBound={() => setBindings((count) => count + 1)} />}
      {shown && xml.data && (
        <Card title={`${shown.key} v${shown.version}`} size="small" style={{ marginTop: 16 }}>
          <Suspense fallback={null}>
            <BpmnDiagram xml={xml.data} label={`${shown.key} v${shown.version}`} />
          </Suspense>
        </Card>
      )}
      {shown && <VersionCasesCard key={`${shown.key}/${shown.version}`} processKey={shown.key} version={shown.version} />}
    </section>
  );
}
