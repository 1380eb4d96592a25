/**
 * The Chinese a reader sees for the codes the store keeps: record states, disposal routes, document types and
 * evidence kinds. The states are those the job workers write (workers/record.ts, handover.ts, hazard.ts).
 */
export const STATE_LABELS: Record<string, string> = {
  // inspections
  opened: '已启动', onsite: '现场巡查中', reporting: '撰写巡查报告', 'report-submitted': '报告待审定', 'report-approved': '报告已审定',
  'rectification-reported': '整改已报送',
  // problems
  open: '待处置', disposing: '处置中', 'handed-over': '已移交', listed: '挂牌督办中', resolved: '已办结', cleared: '已销号',
  // shared by inspections and problems
  rectifying: '整改中', rectified: '已整改', closed: '已办结',
  // handovers
  sent: '已移交', received: '已签收', refused: '已退回', reassigned: '已改派', done: '已办结',
  // listed hazards
  LISTED: '已挂牌', PUBLISHED: '已公告', RECTIFYING: '整改中', ACCEPTED: '已验收', DELISTED: '已销号', PUBLISHED_CLOSED: '已销号并公告',
};

/** How a problem is disposed of (the decision table `problem-classification` and the office's confirmation). */
export const ROUTE_LABELS: Record<string, string> = { rectify: '限期整改', handover: '移交有关部门', listing: '挂牌督办', accountability: '问责线索移送' };

/** Official documents by type; a type added later without a label is shown as 公文, never by its code. */
export const DOCUMENT_TYPE_LABELS: Record<string, string> = {
  'inspection-notice': '巡查通知书', 'feedback-opinion': '巡查反馈意见书', 'handover-letter': '问题移交函', 'listing-notice': '挂牌督办通知书',
  'talk-notice': '约谈通知书', 'rectification-notice': '整改通知', 'results-bulletin': '巡查结果通报', 'public-announcement': '社会公告',
  'supervision-letter': '督办函',
};

export const EVIDENCE_KIND_LABELS: Record<string, string> = { photo: '照片', audio: '录音', video: '视频', scan: '扫描件', document: '文档' };

/** A label from `labels`, or `fallback` (default: the code itself) for a code it does not know. */
export function labelOf(labels: Record<string, string>, code: string | number | null | undefined, fallback?: string): string | number | null {
  if (typeof code !== 'string') return code ?? null;
  return Object.hasOwn(labels, code) ? labels[code]! : fallback ?? code;
}
