// The one list page: search box, filters, paging and sorting declared by column and filter
// definitions; the applied state lives in the URL query string, so the back button and a
// reload keep it. Data comes through TanStack Query under ['list', name, params].
import { useEffect, useMemo, type Key, type ReactNode } from 'react';
import { Alert, Button, Card, DatePicker, Form, Grid, Input, Pagination, Segmented, Select, Space, Spin, Table, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { ColumnType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import dayjs, { type Dayjs } from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../app/i18n';
import type { ListReply } from '../app/api';
import { EmptyBlock } from './EmptyState';

/** What the fetch function receives: paging, the sort value and every filter's applied value. */
export interface ListParams {
  page: number;
  pageSize: number;
  sort?: string;
  /** filter key → applied value */
  filters: Record<string, string | undefined>;
}

/** Paging, sort and filters as one query object for a request function. */
export function flatParams({ filters, ...rest }: ListParams): Record<string, string | undefined> & { page: number; pageSize: number; sort?: string } {
  return { ...filters, ...rest } as Record<string, string | undefined> & typeof rest;
}

export interface ListOption {
  value: string;
  label: ReactNode;
}

export type ListFilter =
  /** a search box: applies on Enter */
  | { kind: 'search'; key: string; placeholder: string; width?: number; testId?: string }
  /** a text field: applies on Enter or with the search button */
  | { kind: 'text'; key: string; placeholder: string; width?: number }
  /** a drop-down: applies at once */
  | { kind: 'select'; key: string; placeholder: string; options: ListOption[]; width?: number; testId?: string }
  /** a month (YYYY-MM): applies at once */
  | { kind: 'month'; key: string; placeholder: string; testId?: string }
  /** a day range stored as two keys (YYYY-MM-DD, inclusive) */
  | { kind: 'dateRange'; keys: [string, string]; placeholder: [string, string] }
  /** a segmented switch shown above the table: applies at once; `initial` is not written to the URL */
  | { kind: 'segmented'; key: string; options: ListOption[]; initial: string; testId?: string };

/** An antd column plus the server's sort values for each direction; `phone: false` leaves it
 *  off the phone's cards (row actions, wide details). */
export type ListColumn<T> = ColumnType<T> & { key: string; sort?: { ascend?: string; descend?: string }; phone?: false };

/** A column's cell as the table would draw it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any row: the cards only call the columns' own renderers
type AnyColumn = ListColumn<any>;

function cellOf(col: AnyColumn, row: object, index: number): ReactNode {
  const path = col.dataIndex;
  const keys = Array.isArray(path) ? path : path === undefined ? [] : [path];
  let value: unknown = row;
  for (const k of keys) value = value == null ? undefined : (value as Record<string | number, unknown>)[k as string | number];
  if (!keys.length) value = undefined;
  if (col.render) return col.render(value, row, index) as ReactNode;
  return value == null || value === '' ? '—' : String(value);
}

/** Below 768 px: one card a row, each column a labelled line (the first column is the title). */
function PhoneCards(p: {
  rows: object[]; columns: AnyColumn[]; rowKey: string; loading: boolean; testId?: string; name: string; emptyText?: ReactNode;
  onOpen?: (row: object) => void; rowClassName?: (row: object) => string;
}) {
  const cols = p.columns.filter((c) => c.phone !== false && !c.hidden);
  const [head, ...rest] = cols;
  return (
    <Spin spinning={p.loading}>
      <div data-testid={p.testId}>
        {p.rows.length === 0 && p.emptyText}
        {p.rows.map((row, i) => (
          <Card
            size="small"
            key={String((row as Record<string, unknown>)[p.rowKey] ?? i)}
            className={p.rowClassName?.(row)}
            style={{ marginBottom: 8, cursor: p.onOpen ? 'pointer' : undefined }}
            onClick={p.onOpen ? () => p.onOpen!(row) : undefined}
            data-testid={`${p.name}-card`}
          >
            {head && <div style={{ fontWeight: 600, marginBottom: 4, overflowWrap: 'anywhere' }}>{cellOf(head, row, i)}</div>}
            {rest.map((c) => (
              <div key={c.key} style={{ display: 'flex', gap: 8, fontSize: 13, lineHeight: '22px', minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ flex: '0 0 auto', maxWidth: '40%' }} ellipsis>
                  {typeof c.title === 'function' ? null : (c.title as ReactNode)}
                </Typography.Text>
                <span style={{ flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' }} onClick={(e) => c.key === 'actions' && e.stopPropagation()}>
                  {cellOf(c, row, i)}
                </span>
              </div>
            ))}
          </Card>
        ))}
      </div>
    </Spin>
  );
}

export interface ListPageProps<T> {
  /** names the query, the filter form (ids `${name}-filter_${key}`) and the search button (`${name}-search`) */
  name: string;
  fetch: (params: ListParams) => Promise<ListReply<T>>;
  columns: ListColumn<T>[];
  filters?: ListFilter[];
  defaultSort?: string;
  defaultPageSize?: number;
  rowKey?: string;
  /** a row click opens this path */
  rowHref?: (row: T) => string;
  rowClassName?: (row: T) => string;
  /** drawn right of the segmented filters, given the applied params (export links…) */
  toolbar?: (params: ListParams) => ReactNode;
  /** drawn above the filters, given the reply of the page shown (a reply's own totals…) */
  summary?: (reply: ListReply<T> | undefined, loading: boolean) => ReactNode;
  /** wrap in a card with this title */
  title?: ReactNode;
  extra?: ReactNode;
  tableTestId?: string;
  emptyText?: string;
  refetchInterval?: number;
  size?: 'small' | 'middle' | 'large';
}

const PAGE = 'page';
const PAGE_SIZE = 'pageSize';
const SORT = 'sort';

function filterKeys(filters: readonly ListFilter[]): string[] {
  return filters.flatMap((f) => (f.kind === 'dateRange' ? f.keys : [f.key]));
}

/** The applied state, read from the URL. */
function readParams(sp: URLSearchParams, filters: readonly ListFilter[], defaultSort: string | undefined, defaultPageSize: number): ListParams {
  const int = (v: string | null, dflt: number, max: number) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 && n <= max ? n : dflt;
  };
  const params: ListParams = {
    page: int(sp.get(PAGE), 1, 100_000),
    pageSize: int(sp.get(PAGE_SIZE), defaultPageSize, 100),
    sort: sp.get(SORT) ?? defaultSort,
    filters: {},
  };
  for (const f of filters) {
    if (f.kind === 'dateRange') for (const k of f.keys) params.filters[k] = sp.get(k) ?? undefined;
    else params.filters[f.key] = sp.get(f.key) ?? (f.kind === 'segmented' ? f.initial : undefined);
  }
  return params;
}

type FormValues = Record<string, string | Dayjs | [Dayjs | null, Dayjs | null] | null | undefined>;

function toFormValues(params: ListParams, filters: readonly ListFilter[]): FormValues {
  const values: FormValues = {};
  for (const f of filters) {
    if (f.kind === 'segmented') continue;
    if (f.kind === 'dateRange') {
      const [a, b] = f.keys.map((k) => params.filters[k]);
      values[f.keys.join('_')] = a || b ? [a ? dayjs(a) : null, b ? dayjs(b) : null] : null;
    } else if (f.kind === 'month') {
      const m = params.filters[f.key];
      values[f.key] = m && /^\d{4}-\d{2}$/.test(m) ? dayjs(`${m}-01`) : null;
    } else values[f.key] = params.filters[f.key];
  }
  return values;
}

export function ListPage<T extends object>(props: ListPageProps<T>) {
  const { name, fetch, columns, filters = [], defaultSort, defaultPageSize = 10, rowKey = 'id', rowHref } = props;
  const { t } = useI18n();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const [sp, setSp] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const params = useMemo(() => readParams(sp, filters, defaultSort, defaultPageSize), [sp, filters, defaultSort, defaultPageSize]);

  const list = useQuery({
    queryKey: ['list', name, params],
    queryFn: () => fetch(params),
    placeholderData: keepPreviousData,
    refetchInterval: props.refetchInterval,
  });

  // the back button changes the URL: the typed filters follow it
  useEffect(() => {
    form.setFieldsValue(toFormValues(params, filters));
  }, [form, params, filters]);

  /** Writes a change to the URL; a change of filters or sort goes back to page 1. */
  const apply = (patch: Record<string, string | number | undefined | null>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      const initial = filters.find((f) => f.kind === 'segmented' && f.key === k);
      const isDefault =
        v === undefined || v === null || v === '' || (k === SORT && v === defaultSort) || (k === PAGE_SIZE && v === defaultPageSize) || (initial?.kind === 'segmented' && v === initial.initial);
      if (isDefault) next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete(PAGE);
    if (next.get(PAGE) === '1') next.delete(PAGE);
    setSp(next);
  };

  const submitForm = () => {
    const v = form.getFieldsValue();
    const patch: Record<string, string | undefined> = {};
    for (const f of filters) {
      if (f.kind === 'segmented') continue;
      if (f.kind === 'dateRange') {
        const range = v[f.keys.join('_')] as [Dayjs | null, Dayjs | null] | null | undefined;
        patch[f.keys[0]] = range?.[0]?.format('YYYY-MM-DD');
        patch[f.keys[1]] = range?.[1]?.format('YYYY-MM-DD');
      } else if (f.kind === 'month') {
        patch[f.key] = (v[f.key] as Dayjs | null | undefined)?.format('YYYY-MM');
      } else {
        const raw = v[f.key];
        patch[f.key] = typeof raw === 'string' ? raw.trim() || undefined : undefined;
      }
    }
    apply(patch);
  };

  const reset = () => {
    form.resetFields();
    const next = new URLSearchParams(sp);
    for (const k of [...filterKeys(filters.filter((f) => f.kind !== 'segmented')), PAGE]) next.delete(k);
    setSp(next);
  };

  const withButtons = filters.some((f) => f.kind === 'text' || f.kind === 'dateRange');
  const formFilters = filters.filter((f) => f.kind !== 'segmented');
  const segmented = filters.filter((f): f is Extract<ListFilter, { kind: 'segmented' }> => f.kind === 'segmented');

  const tableColumns: ColumnType<T>[] = columns.map(({ sort, ...col }) => {
    if (!sort) return col;
    const order: SortOrder = params.sort && params.sort === sort.ascend ? 'ascend' : params.sort && params.sort === sort.descend ? 'descend' : null;
    return { ...col, sorter: true, sortOrder: order, sortDirections: (['ascend', 'descend'] as const).filter((d) => sort[d]) };
  });

  const body = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={`${name}-list`}>
      {props.summary?.(list.data, list.isPending)}
      {formFilters.length > 0 && (
        <Form<FormValues> form={form} name={`${name}-filter`} layout={phone ? 'vertical' : 'inline'} style={{ rowGap: phone ? 0 : 12 }} onFinish={submitForm} data-testid={`${name}-filter`}>
          {formFilters.map((f) => {
            if (f.kind === 'search')
              return (
                <Form.Item key={f.key} name={f.key} style={{ marginInlineEnd: phone ? 0 : 8, marginBottom: phone ? 8 : undefined }}>
                  <Input.Search
                    allowClear
                    placeholder={f.placeholder}
                    style={{ width: phone ? '100%' : (f.width ?? 280) }}
                    onSearch={submitForm}
                    onChange={(e) => !e.target.value && params.filters[f.key] && apply({ [f.key]: undefined })}
                    data-testid={f.testId}
                  />
                </Form.Item>
              );
            if (f.kind === 'text')
              return (
                <Form.Item key={f.key} name={f.key}>
                  <Input allowClear placeholder={f.placeholder} style={{ width: phone ? '100%' : (f.width ?? 180) }} onPressEnter={submitForm} />
                </Form.Item>
              );
            if (f.kind === 'select')
              return (
                <Form.Item key={f.key} name={f.key}>
                  <Select
                    allowClear
                    placeholder={f.placeholder}
                    style={{ width: phone ? '100%' : (f.width ?? 200) }}
                    options={f.options}
                    onChange={(v: string | undefined) => apply({ [f.key]: v })}
                    data-testid={f.testId}
                  />
                </Form.Item>
              );
            if (f.kind === 'month')
              return (
                <Form.Item key={f.key} name={f.key}>
                  <DatePicker
                    picker="month"
                    allowClear
                    placeholder={f.placeholder}
                    style={{ width: phone ? '100%' : 160 }}
                    onChange={(d: Dayjs | null) => apply({ [f.key]: d ? d.format('YYYY-MM') : undefined })}
                    data-testid={f.testId}
                  />
                </Form.Item>
              );
            return (
              <Form.Item key={f.keys.join('_')} name={f.keys.join('_')}>
                <DatePicker.RangePicker placeholder={f.placeholder} allowEmpty={[true, true]} />
              </Form.Item>
            );
          })}
          {withButtons && (
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${name}-search`}>
                  {t('common.search')}
                </Button>
                <Button onClick={reset}>{t('common.reset')}</Button>
              </Space>
            </Form.Item>
          )}
        </Form>
      )}
      {(segmented.length > 0 || props.toolbar) && (
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            {segmented.map((f) => (
              <Segmented key={f.key} value={params.filters[f.key]} options={f.options} onChange={(v) => apply({ [f.key]: String(v) })} data-testid={f.testId} />
            ))}
          </Space>
          {props.toolbar?.(params)}
        </Space>
      )}
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed')}
          action={
            <Button size="small" onClick={() => list.refetch()}>
              {t('common.retry')}
            </Button>
          }
          data-testid={`${name}-error`}
        />
      )}
      {phone ? (
        <>
          <PhoneCards
            rows={list.data?.items ?? []}
            columns={columns as AnyColumn[]}
            rowKey={rowKey}
            loading={list.isPending || list.isPlaceholderData}
            testId={props.tableTestId}
            name={name}
            emptyText={<EmptyBlock text={list.isError ? t('common.loadFailed') : props.emptyText} />}
            onOpen={rowHref ? (row) => navigate(rowHref(row as T)) : undefined}
            rowClassName={props.rowClassName as ((row: object) => string) | undefined}
          />
          <Pagination
            simple
            align="center"
            current={params.page}
            pageSize={params.pageSize}
            total={list.data?.total ?? list.data?.items.length ?? 0}
            onChange={(page, pageSize) => apply({ [PAGE]: page, [PAGE_SIZE]: pageSize }, pageSize === params.pageSize)}
          />
        </>
      ) : (
      <Table<T>
        rowKey={rowKey}
        size={props.size}
        loading={list.isPending || list.isPlaceholderData}
        dataSource={list.data?.items ?? []}
        columns={tableColumns}
        // narrower than its columns (a 1024 px laptop): the table scrolls, it never cuts a column off
        scroll={{ x: 'max-content' }}
        data-testid={props.tableTestId}
        locale={{ emptyText: <EmptyBlock text={list.isError ? t('common.loadFailed') : props.emptyText} /> }}
        rowClassName={props.rowClassName}
        onRow={rowHref ? (row) => ({ onClick: () => navigate(rowHref(row)), style: { cursor: 'pointer' } }) : undefined}
        onChange={(pg, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const sr = Array.isArray(sorter) ? sorter[0] : sorter;
            const col = columns.find((c) => c.key === (sr?.columnKey as Key | undefined));
            apply({ [SORT]: sr?.order && col?.sort ? col.sort[sr.order] : undefined });
          } else if (extra.action === 'paginate') {
            apply({ [PAGE]: pg.current, [PAGE_SIZE]: pg.pageSize }, pg.pageSize === params.pageSize);
          }
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: list.data?.total ?? list.data?.items.length ?? 0,
          showSizeChanger: true,
          // a broad search stops counting (totalCapped): 共 1,000+ 条
          showTotal: (n) => ((list.data as { totalCapped?: boolean } | undefined)?.totalCapped ? t('common.totalCapped', { n }) : t('common.total', { n })),
        }}
      />
      )}
    </Space>
  );

  return props.title !== undefined ? (
    <Card title={props.title} extra={props.extra}>
      {body}
    </Card>
  ) : (
    body
  );
}
