/** The supervision board's filter, to and from the query string of GET /api/supervision/board and of the page's URL. */
export const ALERTS = ['red', 'yellow', 'green'] as const;
export type Alert = (typeof ALERTS)[number];

export interface BoardFilter {
  alert: Alert[];
  department?: string;
  matterId?: string;
  legalStage?: string;
  urged?: boolean;
  page: number;
  pageSize: number;
}

export const DEFAULT_BOARD_FILTER: BoardFilter = { alert: ['red', 'yellow'], page: 1, pageSize: 20 };

/** Empty values are left out: the API refuses an empty department code, and a short URL reads better. */
export function boardQuery(filter: BoardFilter): string {
  const params = new URLSearchParams();
  if (filter.alert.length > 0) params.set('alert', ALERTS.filter((alert) => filter.alert.includes(alert)).join(','));
  if (filter.department) params.set('department', filter.department);
  if (filter.matterId) params.set('matterId', filter.matterId);
  if (filter.legalStage) params.set('legalStage', filter.legalStage);
  if (filter.urged !== undefined) params.set('urged', String(filter.urged));
  params.set('page', String(filter.page));
  params.set('pageSize', String(filter.pageSize));
  return params.toString();
}

const positive = (value: string | null, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};

/** Reads a filter back from a URL's query, ignoring what it does not understand. */
export function parseBoardFilter(search: string): BoardFilter {
  const params = new URLSearchParams(search);
  const alertParam = params.get('alert');
  const alert = alertParam === null ? DEFAULT_BOARD_FILTER.alert : ALERTS.filter((value) => alertParam.split(',').includes(value));
  const urgedParam = params.get('urged');
  return {
    alert,
    department: params.get('department') || undefined,
    matterId: params.get('matterId') || undefined,
    legalStage: params.get('legalStage') || undefined,
    urged: urgedParam === 'true' ? true : urgedParam === 'false' ? false : undefined,
    page: positive(params.get('page'), 1),
    pageSize: Math.min(positive(params.get('pageSize'), DEFAULT_BOARD_FILTER.pageSize), 100),
  };
}

/** "3 个工作日" / "超期 2 个工作日": what working days left means to a person. */
export function daysLeftText(workingDaysLeft: number | null, lang: 'zh' | 'en'): string {
  if (workingDaysLeft === null) return '—';
  if (workingDaysLeft < 0) return lang === 'zh' ? `超期 ${-workingDaysLeft} 个工作日` : `${-workingDaysLeft} working days overdue`;
  return lang === 'zh' ? `剩 ${workingDaysLeft} 个工作日` : `${workingDaysLeft} working days left`;
}
