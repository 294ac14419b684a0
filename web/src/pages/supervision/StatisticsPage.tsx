import { Button, Card, Col, DatePicker, Radio, Row, Space, Switch, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, download } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useShowError } from '../../api/useShowError';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { monthlySeries, onTimeRate, percent, type StatisticsAnswer, type StatisticsQuery, type StatisticsRow, statisticsQuery, volumeSeries } from '../../lib/statistics-series';

const LINE_COLOURS = ['#b71c1c', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f'];
const number = (value: number | null) => (value === null || value === undefined ? '—' : Number(value).toFixed(1));

/** 统计分析: counts, times and shares per department or matter over a period, drawn and exported. */
export default function StatisticsPage() {
  const { t } = useI18n();
  const showError = useShowError();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [groupBy, setGroupBy] = useState<StatisticsQuery['groupBy']>('department');
  const [byMonth, setByMonth] = useState(false);
  const query = statisticsQuery({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), groupBy, byMonth });
  const { data, loading } = useLoad(() => api.get<StatisticsAnswer>(`/api/statistics?${query}`), query);
  const rows = data?.rows ?? [];
  const monthly = monthlySeries(rows);
  const figure = (key: keyof StatisticsRow, label: MessageKey, render?: (value: number | null) => string) => ({ title: t(label), dataIndex: key, render });

  return (
    <section aria-labelledby="statistics-title">
      <Typography.Title level={3} id="statistics-title">
        {t('menu.statistics')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker aria-label={t('stats.period')} value={range} allowClear={false} onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])} />
        <Radio.Group aria-label={t('stats.groupBy')} value={groupBy} onChange={(event) => setGroupBy(event.target.value)} optionType="button">
          <Radio.Button value="department">{t('stats.byDepartment')}</Radio.Button>
          <Radio.Button value="matter">{t('stats.byMatter')}</Radio.Button>
        </Radio.Group>
        <label>
          <Switch checked={byMonth} onChange={setByMonth} aria-label={t('stats.byMonth')} /> {t('stats.byMonth')}
        </label>
        <Button onClick={() => download(`/api/statistics/export.xlsx?${query}`, 'statistics.xlsx').catch(showError)}>{t('stats.exportExcel')}</Button>
        <Button onClick={() => download(`/api/statistics/export.csv?${query}`, 'statistics.csv').catch(showError)}>{t('stats.exportCsv')}</Button>
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={byMonth ? 12 : 24}>
          <Card title={t('stats.volumeChart')} size="small">
            <ResponsiveContainer width="100%" height={280}>
              <BarChart data={volumeSeries(rows)}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="received" name={t('stats.received')} fill="#1565c0" />
                <Bar dataKey="onTime" name={t('stats.onTime')} fill="#2e7d32" />
                <Bar dataKey="late" name={t('stats.late')} fill="#b71c1c" />
              </BarChart>
            </ResponsiveContainer>
          </Card>
        </Col>
        {byMonth && (
          <Col xs={24} lg={12}>
            <Card title={t('stats.monthlyChart')} size="small">
              <ResponsiveContainer width="100%" height={280}>
                <LineChart data={monthly.months}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  {monthly.names.map((name, i) => (
                    <Line key={name} dataKey={name} stroke={LINE_COLOURS[i % LINE_COLOURS.length]} />
                  ))}
                </LineChart>
              </ResponsiveContainer>
            </Card>
          </Col>
        )}
      </Row>
      <Table<StatisticsRow>
        style={{ marginTop: 16 }}
        rowKey={(row) => `${row.key}-${row.month ?? ''}`}
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1200 }}
        columns={[
          figure('name', 'stats.name'),
          ...(byMonth ? [figure('month', 'stats.month')] : []),
          figure('received', 'stats.received'),
          figure('accepted', 'stats.accepted'),
          figure('refused', 'stats.refused'),
          figure('completed', 'stats.completed'),
          { title: t('stats.onTimeRate'), render: (_: unknown, row: StatisticsRow) => percent(onTimeRate(row)) },
          figure('averageWorkingDays', 'stats.averageDays', number),
          figure('p90WorkingDays', 'stats.p90Days', number),
          figure('onlineShare', 'stats.onlineShare', percent),
          figure('supplementationRate', 'stats.supplementationRate', percent),
          figure('averageRating', 'stats.averageRating', number),
          figure('poorRatings', 'stats.poorRatings'),
        ]}
        summary={() =>
          data && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={byMonth ? 2 : 1}>
                <strong>{t('stats.totals')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{data.totals.received}</Table.Summary.Cell>
              <Table.Summary.Cell index={2}>{data.totals.accepted}</Table.Summary.Cell>
              <Table.Summary.Cell index={3}>{data.totals.refused}</Table.Summary.Cell>
              <Table.Summary.Cell index={4}>{data.totals.completed}</Table.Summary.Cell>
              <Table.Summary.Cell index={5}>{percent(onTimeRate(data.totals))}</Table.Summary.Cell>
              <Table.Summary.Cell index={6}>{number(data.totals.averageWorkingDays)}</Table.Summary.Cell>
              <Table.Summary.Cell index={7}>{number(data.totals.p90WorkingDays)}</Table.Summary.Cell>
              <Table.Summary.Cell index={8}>{percent(data.totals.onlineShare)}</Table.Summary.Cell>
              <Table.Summary.Cell index={9}>{percent(data.totals.supplementationRate)}</Table.Summary.Cell>
              <Table.Summary.Cell index={10}>{number(data.totals.averageRating)}</Table.Summary.Cell>
              <Table.Summary.Cell index={11}>{data.totals.poorRatings}</Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </section>
  );
}
