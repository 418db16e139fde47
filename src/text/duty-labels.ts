/**
 * The header labels of a duty table's columns: the departments that lead, those that support,
 * the duties. The responsibilities stage reads a duty table's columns by them; layout tells a
 * duty table printed with single spaces by its header.
 */

/** A label of the column of leading departments. */
export const LEAD_LABEL = /^(?:责任|牵头|主责|主办|承办|实施|负责|职能)?(?:部门|单位|主体)(?:名称)?$|^(?:牵头|责任)(?:部门|单位)|^部门|^单位名称$/;
/** A label of the column of supporting departments. */
export const SUPPORT_LABEL = /^(?:配合|协办|协助|参与|协同|协作|支持)(?:部门|单位)/;
/** A label of the column of duties. */
export const DUTY_LABEL = /职责|任务|分工|工作内容|主要内容|具体内容|措施|事项|职能/;
/** A label of the column of deadlines. */
export const TIME_LABEL = /^(?:完成时限|完成时间|时间节点|时限要求|时限|进度安排)$/;
