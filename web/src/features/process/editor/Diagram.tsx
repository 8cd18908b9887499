// The process as a diagram: steps are nodes, outcomes labelled edges, one swimlane per
// department (the owner role's). dagre orders the steps left to right; each lane stacks its
// steps of one column.
import { useMemo } from 'react';
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import dagre from '@dagrejs/dagre';
import { Tag, Tooltip, Typography } from 'antd';
import '@xyflow/react/dist/style.css';
import { useI18n } from '../../../app/i18n';
import type { EditDef, Issue } from './api';

const W = 190;
const H = 74;
const GAP = 24;
const LANE_PAD = 28;
const LANE_LABEL = 110;

type StepData = { key: string; label: string; role: string; due: string; ends: string[]; start: boolean; issues: Issue[]; onOpen: (k: string) => void };
type LaneData = { label: string; width: number; height: number };

function StepNode({ data }: NodeProps<Node<StepData>>) {
  const bad = data.issues.length > 0;
  const body = (
    <div
      data-testid={`pe-node-${data.key}`}
      onClick={() => data.onOpen(data.key)}
      style={{
        width: W, height: H, padding: '6px 10px', borderRadius: 8, cursor: 'pointer', background: '#fff',
        border: `2px solid ${bad ? '#ff4d4f' : data.start ? '#52c41a' : '#1677ff'}`, boxSizing: 'border-box', overflow: 'hidden',
      }}
    >
      <Handle type="target" position={Position.Left} />
      <Typography.Text strong ellipsis style={{ display: 'block' }}>{data.label}</Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>{data.role} · {data.due}</Typography.Text>
      {data.ends.length > 0 && <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>⏹ {data.ends.join(' / ')}</Typography.Text>}
      <Handle type="source" position={Position.Right} />
    </div>
  );
  return bad ? <Tooltip title={data.issues.map((i) => i.message).join('\n')}>{body}</Tooltip> : body;
}

function LaneNode({ data }: NodeProps<Node<LaneData>>) {
  return (
    <div style={{ width: data.width, height: data.height, background: 'rgba(22,119,255,0.04)', border: '1px dashed #bbb', borderRadius: 6 }}>
      <div style={{ position: 'absolute', left: 8, top: 8, width: LANE_LABEL - 16 }}>
        <Tag color="blue" style={{ whiteSpace: 'normal' }}>{data.label}</Tag>
      </div>
    </div>
  );
}

const nodeTypes = { step: StepNode, lane: LaneNode };

/** The issues that concern a step (paths `definition.steps.<key>…` or `steps.<key>…`). */
export function issuesOf(issues: Issue[], kind: 'steps' | 'forms' | 'roles' | 'departments', key: string): Issue[] {
  return issues.filter((i) => {
    const p = i.path.replace(/^definition\./, '').split('.');
    return p[0] === kind && p[1] === key;
  });
}

export function dueText(due: EditDef | undefined, t: ReturnType<typeof useI18n>['t']): string {
  if (!due) return '';
  if ('none' in due) return t('pe.due.none');
  if ('endOfDayOfField' in due) return t('pe.due.field');
  return `${due.days} ${t('pe.due.days')}`;
}

export function ProcessDiagram({ def, caseType, issues, onOpen }: { def: EditDef; caseType: string; issues: Issue[]; onOpen: (key: string) => void }) {
  const { t, lang } = useI18n();
  const { nodes, edges } = useMemo(() => {
    const steps = Object.entries(def.steps as Record<string, EditDef>).filter(([, s]) => s.caseType === caseType);
    const keys = new Set(steps.map(([k]) => k));
    const starts = new Set(Object.values(def.starts as Record<string, string[]>).flat());
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: 20, ranksep: 40 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const [k] of steps) g.setNode(k, { width: W, height: H });
    const edges: Edge[] = [];
    for (const [k, s] of steps) {
      for (const [o, tr] of Object.entries(s.outcomes as Record<string, EditDef>)) {
        for (const n of (tr.next ?? []) as string[]) {
          if (!keys.has(n)) continue;
          g.setEdge(k, n);
          edges.push({
            id: `${k}.${o}.${n}`, source: k, target: n, label: tr.label?.[lang] ?? o, type: 'smoothstep',
            markerEnd: { type: MarkerType.ArrowClosed }, labelBgPadding: [4, 2], labelStyle: { fontSize: 11 },
            ...(n === k || steps.findIndex(([x]) => x === n) < steps.findIndex(([x]) => x === k) ? { animated: true } : {}),
          });
        }
      }
    }
    dagre.layout(g);
    // lanes: the owner role's department, in order of first appearance
    const deptOf = (s: EditDef) => def.roles[s.role]?.department ?? '—';
    const lanes: string[] = [];
    for (const [, s] of steps) if (!lanes.includes(deptOf(s))) lanes.push(deptOf(s));
    const column = (k: string) => Math.round(g.node(k).x);
    const stackOf = new Map<string, number>();
    const slot = new Map<string, number>();
    for (const [k, s] of [...steps].sort((a, b) => g.node(a[0]).y - g.node(b[0]).y)) {
      const id = `${deptOf(s)}@${column(k)}`;
      const i = stackOf.get(id) ?? 0;
      stackOf.set(id, i + 1);
      slot.set(k, i);
    }
    const laneRows = (d: string) => Math.max(1, ...[...stackOf.entries()].filter(([id]) => id.startsWith(`${d}@`)).map(([, n]) => n));
    const maxX = Math.max(0, ...steps.map(([k]) => g.node(k).x)) + W / 2 + LANE_LABEL + 40;
    const nodes: Node[] = [];
    let top = 0;
    const laneTop = new Map<string, number>();
    for (const d of lanes) {
      const height = laneRows(d) * (H + GAP) - GAP + 2 * LANE_PAD;
      laneTop.set(d, top);
      nodes.push({
        id: `lane:${d}`, type: 'lane', position: { x: 0, y: top }, draggable: false, selectable: false, zIndex: -1,
        data: { label: def.departments[d]?.label?.[lang] ?? d, width: maxX, height },
      });
      top += height + 12;
    }
    for (const [k, s] of steps) {
      const n = g.node(k);
      const ends = Object.values(s.outcomes as Record<string, EditDef>).map((o) => o.end).filter(Boolean) as string[];
      nodes.push({
        id: k, type: 'step', draggable: false,
        position: { x: LANE_LABEL + n.x - W / 2, y: laneTop.get(deptOf(s))! + LANE_PAD + slot.get(k)! * (H + GAP) },
        data: {
          key: k, label: s.label?.[lang] ?? k, role: def.roles[s.role]?.label?.[lang] ?? s.role ?? '?', due: dueText(s.due, t),
          ends: [...new Set(ends)], start: starts.has(k), issues: issuesOf(issues, 'steps', k), onOpen,
        } satisfies StepData,
      });
    }
    return { nodes, edges };
  }, [def, caseType, issues, onOpen, lang, t]);

  return (
    <div style={{ height: 620, border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid="pe-diagram">
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} fitView fitViewOptions={{ padding: 0.02 }} nodesConnectable={false} proOptions={{ hideAttribution: true }} minZoom={0.2}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
