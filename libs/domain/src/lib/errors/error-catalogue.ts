/**
 * Every error a program can see: a stable code (never renamed once released), the kind that
 * decides the HTTP status at the edge, and the Chinese message shown to users.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'unprocessable'
  | 'request_timeout'
  | 'unavailable'
  | 'internal';

export interface ErrorSpec {
  kind: ErrorKind;
  message: string;
}

export const ERROR_CATALOGUE = {
  // request shape
  VALIDATION_FAILED: { kind: 'invalid', message: '提交的数据不符合要求，请检查标出的字段' },
  INVALID_JSON: { kind: 'invalid', message: '请求内容不是合法的 JSON' },
  BAD_REQUEST: { kind: 'invalid', message: '请求无法处理，请检查后重试' },
  PAYLOAD_TOO_LARGE: { kind: 'payload_too_large', message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { kind: 'unsupported_media_type', message: '不支持的内容类型，请以 JSON 提交' },
  // routing and objects
  ROUTE_NOT_FOUND: { kind: 'not_found', message: '请求的接口不存在' },
  NOT_FOUND: { kind: 'not_found', message: '请求的对象不存在' },
  METHOD_NOT_ALLOWED: { kind: 'invalid', message: '该接口不支持此请求方法' },
  // identity and sessions
  UNAUTHENTICATED: { kind: 'unauthenticated', message: '请先登录' },
  INVALID_CREDENTIALS: { kind: 'unauthenticated', message: '用户名或密码不正确' },
  LOGIN_THROTTLED: { kind: 'too_many_requests', message: '登录失败次数过多，请稍后再试' },
  TOKEN_EXPIRED: { kind: 'unauthenticated', message: '登录已过期，请重新登录' },
  TOKEN_INVALID: { kind: 'unauthenticated', message: '登录凭证无效，请重新登录' },
  SESSION_ENDED: { kind: 'unauthenticated', message: '登录状态已失效，请重新登录' },
  REFRESH_TOKEN_REUSED: {
    kind: 'unauthenticated',
    message: '检测到登录凭证被重复使用，为安全起见已退出该登录，请重新登录',
  },
  ACCOUNT_DISABLED: { kind: 'unauthenticated', message: '账号已停用，请联系本县（区）管理员' },
  TENANT_SUSPENDED: { kind: 'unauthenticated', message: '所在县（区）已停用，请联系平台管理员' },
  PASSWORD_POLICY: { kind: 'invalid', message: '密码不符合要求' },
  // API keys (service accounts): unknown, revoked and expired keys get the same answer
  API_KEY_INVALID: { kind: 'unauthenticated', message: 'API 密钥无效、已撤销或已过期' },
  API_KEY_ROUTE_FORBIDDEN: { kind: 'forbidden', message: '该接口不接受 API 密钥，或密钥未被授予所需的权限范围' },
  CURRENT_PASSWORD_WRONG: { kind: 'invalid', message: '当前密码不正确' },
  PASSWORD_CHANGE_REQUIRED: {
    kind: 'forbidden',
    message: '密码由管理员设置，须先修改密码才能继续使用',
  },
  // permission
  FORBIDDEN: { kind: 'forbidden', message: '您没有执行此操作的权限' },
  FIELD_FORBIDDEN: { kind: 'forbidden', message: '您无权修改其中的部分字段' },
  // administration
  TENANT_NOT_FOUND: { kind: 'not_found', message: '县（区）不存在' },
  DEPARTMENT_NOT_FOUND: { kind: 'not_found', message: '部门不存在' },
  USER_NOT_FOUND: { kind: 'not_found', message: '用户不存在' },
  REGION_CODE_TAKEN: { kind: 'conflict', message: '该行政区划代码已被使用' },
  DEPARTMENT_NAME_TAKEN: { kind: 'conflict', message: '本县（区）已有同名部门' },
  BUDGET_CODE_TAKEN: { kind: 'conflict', message: '本县（区）已有部门使用该预算单位编码' },
  USERNAME_TAKEN: { kind: 'conflict', message: '该用户名已被使用' },
  ROLE_ASSIGNMENT_INVALID: { kind: 'invalid', message: '角色与所在部门不匹配' },
  GRADE_BANDS_INVALID: { kind: 'invalid', message: '评价等级划分不正确' },
  // reports
  REPORT_NOT_FOUND: { kind: 'not_found', message: '报告不存在' },
  REPORT_PART_UNKNOWN: { kind: 'not_found', message: '报告没有这一部分' },
  REPORT_EXISTS: { kind: 'conflict', message: '该部门本年度的此类报告已存在，请直接打开编辑' },
  REPORT_NOT_EDITABLE: { kind: 'conflict', message: '报告已提交，当前状态下不能修改内容' },
  REPORT_CONTENT_INVALID: { kind: 'invalid', message: '报告内容格式不正确，请检查标出的字段' },
  REPORT_DEPARTMENT_INVALID: { kind: 'invalid', message: '只有预算部门可以填报部门整体支出绩效自评报告' },
  REPORT_YEAR_INVALID: { kind: 'invalid', message: '年度不正确' },
  REPORT_REVISION_NOT_FOUND: { kind: 'not_found', message: '报告没有这一版本' },
  // workflow
  TRANSITION_FORBIDDEN: { kind: 'forbidden', message: '您无权执行此操作' },
  TRANSITION_ILLEGAL: { kind: 'conflict', message: '报告当前状态下不能执行此操作' },
  TRANSITION_REASON_REQUIRED: { kind: 'invalid', message: '请填写原因' },
  REPORT_CHECKS_FAILING: { kind: 'conflict', message: '报告仍有错误未改正，不能提交' },
  REPORT_VERSION_CONFLICT: { kind: 'conflict', message: '报告已被他人修改或状态已变化，请刷新后重试' },
  REPORT_SIGN_OFF_REQUIRED: { kind: 'conflict', message: '本县要求提交前须经部门负责人签核，请先请部门负责人签核' },
  // 四眼原则 (county settings): who the actor is forbids the step, whatever the report's state
  FOUR_EYES_AUTHOR_REVIEWS: {
    kind: 'forbidden',
    message: '本县实行四眼原则：报告的填报人或提交人不能审核或审批自己的报告',
  },
  FOUR_EYES_REVIEWER_APPROVES: {
    kind: 'forbidden',
    message: '本县实行四眼原则：审核本次提交的人不能再审批通过，请由另一位审批人审批',
  },
  // 代理人 (stand-ins)
  DELEGATION_NOT_FOUND: { kind: 'not_found', message: '代理委托不存在' },
  API_KEY_NOT_FOUND: { kind: 'not_found', message: 'API 密钥不存在' },
  API_KEY_REVOKED: { kind: 'conflict', message: '该 API 密钥已撤销' },
  DELEGATION_ROLE_INVALID: { kind: 'invalid', message: '只能委托本人担任的财政局审核人或财政局领导角色' },
  DELEGATION_TO_SELF: { kind: 'invalid', message: '不能指定本人为自己的代理人' },
  DELEGATION_OUTSIDE_COUNTY: { kind: 'forbidden', message: '代理人须为本县（区）的用户' },
  DELEGATION_STAND_IN_LACKS_ROLE: { kind: 'invalid', message: '代理人须为本县（区）在用的、具有同一角色的用户' },
  DELEGATION_DATES_INVALID: { kind: 'invalid', message: '代理的起止日期不正确' },
  DELEGATION_OVERLAPS: { kind: 'conflict', message: '该期间已有同一角色的代理，请先撤销或调整日期' },
  DELEGATION_STAND_IN_AWAY: { kind: 'conflict', message: '代理人在该期间本人也已委托代理，请另选代理人' },
  DELEGATION_NOT_ACTIVE: { kind: 'forbidden', message: '您今天没有该用户的有效代理委托，不能代其操作' },
  DELEGATION_NOT_REVOCABLE: { kind: 'conflict', message: '该代理委托已撤销或已结束' },
  // webhooks (推送地址)
  WEBHOOK_NOT_FOUND: { kind: 'not_found', message: '推送地址不存在' },
  WEBHOOK_DELIVERY_NOT_FOUND: { kind: 'not_found', message: '推送记录不存在' },
  WEBHOOK_URL_INVALID: { kind: 'invalid', message: '推送地址不是有效的网址（须为完整网址，不能包含用户名或密码）' },
  WEBHOOK_URL_NOT_HTTPS: { kind: 'invalid', message: '推送地址须使用 https' },
  WEBHOOK_URL_PRIVATE_ADDRESS: {
    kind: 'invalid',
    message: '推送地址不能指向本机、内网或链路本地地址',
  },
  WEBHOOK_EVENTS_INVALID: { kind: 'invalid', message: '请至少选择一个推送事件，且只能选择支持的事件' },
  COMMENT_THREAD_NOT_FOUND: { kind: 'not_found', message: '审核意见不存在' },
  COMMENT_ANCHOR_INVALID: { kind: 'invalid', message: '意见所指的报告部分或字段不正确' },
  COMMENT_BODY_INVALID: { kind: 'invalid', message: '意见内容不能为空，且不能超过 2000 个字符' },
  REPORT_COMMENTS_CLOSED: { kind: 'conflict', message: '报告已审核通过，不能再添加或处理意见' },
  // 财政复核评分
  RESCORE_CLOSED: { kind: 'conflict', message: '报告只有在已提交或审核中时才能复核评分' },
  RESCORE_ROW_UNKNOWN: { kind: 'invalid', message: '复核评分所指的自评表行不存在' },
  RESCORE_SCORE_INVALID: { kind: 'invalid', message: '复核得分应为不小于 0 的数，最多 2 位小数' },
  RESCORE_ABOVE_WEIGHT: { kind: 'invalid', message: '复核得分不能超过该行的分值' },
  DOCUMENT_NOT_FOUND: { kind: 'not_found', message: '文档不存在' },
  DOCUMENT_NOT_READY: { kind: 'conflict', message: '文档尚未生成完成，请稍后再下载' },
  DOCUMENT_FORMAT_INVALID: { kind: 'invalid', message: '文档格式只能是 docx 或 pdf' },
  // county-wide exports (jobs)
  EXPORT_NOT_FOUND: { kind: 'not_found', message: '导出任务不存在' },
  EXPORT_NOT_READY: { kind: 'conflict', message: '导出尚未完成，请稍后再下载' },
  // 催报
  REMINDER_NOT_OVERDUE: { kind: 'conflict', message: '该部门本年度报告未逾期或已提交，无需催报' },
  REMINDER_TOO_SOON: { kind: 'too_many_requests', message: '已催报过该部门，24 小时内不能重复催报' },
  DEADLINE_INVALID: { kind: 'invalid', message: '截止日期不正确' },
  DEADLINE_NEEDS_CONFIRMATION: {
    kind: 'invalid',
    message: '截止日期已过或距今不足 7 天，请确认后再设置',
  },
  // 指标库
  LIBRARY_ENTRY_NOT_FOUND: { kind: 'not_found', message: '指标库中没有该指标' },
  LIBRARY_ENTRY_EXISTS: { kind: 'conflict', message: '指标库中已有一级、二级、三级指标都相同的指标' },
  LIBRARY_IMPORT_INVALID: {
    kind: 'invalid',
    message: '导入文件中有错误，请按提示逐行改正后重新导入；本次未导入任何指标',
  },
  LIBRARY_FILE_INVALID: { kind: 'invalid', message: '无法读取该文件，请上传 Excel 工作簿（.xlsx）' },
  LIBRARY_FILE_TYPE: {
    kind: 'unsupported_media_type',
    message:
      '请以 Excel 工作簿（.xlsx）上传指标库，Content-Type 为 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  LIBRARY_FULL: { kind: 'conflict', message: '本县指标库已满（最多 5000 条，含已停用的），不能再添加' },
  LIBRARY_FILE_TOO_LARGE: { kind: 'payload_too_large', message: '文件过大：指标库文件不能超过 2 MB、2000 行指标' },
  // 绩效自评表 workbooks
  SCORE_SHEET_INVALID: {
    kind: 'invalid',
    message: '导入的绩效自评表中有错误，请按提示（行号、列）改正后重新导入；本次未改动报告',
  },
  SCORE_SHEET_FILE_INVALID: { kind: 'invalid', message: '无法读取该文件，请上传绩效自评表的 Excel 工作簿（.xlsx）' },
  SCORE_SHEET_FILE_TOO_LARGE: {
    kind: 'payload_too_large',
    message: '文件过大：绩效自评表文件不能超过 2 MB（解压后 24 MB）、400 行',
  },
  // importing an existing report (.docx, .txt): refused before anything is read into the draft
  IMPORT_FILE_TOO_LARGE: { kind: 'payload_too_large', message: '文件超过大小上限，请删去图片等内容后重试' },
  IMPORT_EMPTY: { kind: 'unprocessable', message: '文件没有可导入的内容' },
  IMPORT_NOT_TEXT: { kind: 'unsupported_media_type', message: '文件不是文本文件（应为 UTF-8 或 GBK 编码的 .txt）' },
  IMPORT_TOO_MANY_LINES: { kind: 'unprocessable', message: '文件行数过多，无法导入' },
  IMPORT_LINE_TOO_LONG: { kind: 'unprocessable', message: '文件中有过长的行，无法导入' },
  IMPORT_NOT_DOCX: {
    kind: 'unsupported_media_type',
    message: '文件不是Word文档（.docx），请在Word或WPS中另存为.docx后重试',
  },
  IMPORT_DOC_BINARY: {
    kind: 'unsupported_media_type',
    message: '文件是旧版Word文档（.doc），请在Word或WPS中另存为.docx后重试',
  },
  IMPORT_ENCRYPTED: { kind: 'unprocessable', message: '文件设有打开密码，请在Word或WPS中取消密码后重试' },
  IMPORT_ZIP_BOMB: { kind: 'payload_too_large', message: '文件解压后过大或条目过多（疑似压缩炸弹），已拒绝导入' },
  IMPORT_CORRUPT: { kind: 'unprocessable', message: '文件已损坏或内容不完整，无法读取' },
  IMPORT_FAILED: { kind: 'unprocessable', message: '文件未能解析，请稍后重试；仍不成功请联系管理员' },
  // the parse job was lost again and again (the sweeper gave it up): the import failed, its file deleted
  IMPORT_ABANDONED: { kind: 'unprocessable', message: '文件解析多次中断，已停止；请重新上传文件' },
  REPORT_IMPORT_NOT_FOUND: { kind: 'not_found', message: '导入记录不存在' },
  REPORT_IMPORT_NOT_READY: { kind: 'conflict', message: '文件尚未解析完成（或解析失败），不能确认导入' },
  REPORT_IMPORT_CLOSED: { kind: 'conflict', message: '这次导入已确认或已放弃，不能再更改' },
  REPORT_IMPORT_EXPIRED: {
    kind: 'conflict',
    message: '这次导入的解析结果已过期（长时间未确认），上传的文件已删除；如需导入，请重新上传文件',
  },
  // templates
  TEMPLATE_NOT_FOUND: { kind: 'not_found', message: '模板不存在' },
  TEMPLATE_INVALID: { kind: 'invalid', message: '模板设置不正确，请检查标出的项' },
  TEMPLATE_BUILTIN_READONLY: { kind: 'forbidden', message: '系统内置模板不能修改，请先复制为本县模板' },
  TEMPLATE_NO_DRAFT: { kind: 'conflict', message: '模板没有待发布的草稿，请先修改并保存' },
  TEMPLATE_LIMIT_REACHED: { kind: 'conflict', message: '本县模板已达 50 个的上限，请在已有模板上修改' },
  TEMPLATE_KIND_MISMATCH: { kind: 'invalid', message: '模板的报告类型不能更改' },
  // 抽评 and 整改
  SPOT_CHECK_RULE_INVALID: { kind: 'invalid', message: '抽取规则不正确，请检查标出的项' },
  SPOT_CHECK_NOTHING_SELECTED: { kind: 'unprocessable', message: '按此规则没有选中任何报告，未保存抽评批次' },
  SPOT_CHECK_REPORT_NOT_SELECTABLE: {
    kind: 'invalid',
    message: '所选报告不属于该年度，或尚未提交（只能抽评已提交、审核中或已通过的报告）',
  },
  SPOT_CHECK_ALREADY_SELECTED: { kind: 'conflict', message: '所选报告本年度已被抽评，同一报告一年只抽评一次' },
  SPOT_CHECK_BATCH_NOT_FOUND: { kind: 'not_found', message: '抽评批次不存在' },
  SPOT_CHECK_NOT_SELECTED: { kind: 'conflict', message: '该报告未被抽评，不能提出问题或整改事项' },
  SPOT_CHECK_FINDING_NOT_FOUND: { kind: 'not_found', message: '发现的问题不存在' },
  SPOT_CHECK_FINDING_INVALID: { kind: 'invalid', message: '问题描述不能为空，且不能超过 2000 个字符' },
  RECTIFICATION_NOT_FOUND: { kind: 'not_found', message: '整改事项不存在' },
  RECTIFICATION_INVALID: { kind: 'invalid', message: '整改事项填写不完整，请检查标出的字段' },
  RECTIFICATION_TRANSITION_INVALID: { kind: 'conflict', message: '整改事项当前的状态不允许此操作' },
  RECTIFICATION_EVIDENCE_TOO_LARGE: { kind: 'payload_too_large', message: '佐证材料文件过大（不超过 2 MB）' },
  RECTIFICATION_EVIDENCE_TYPE: {
    kind: 'unsupported_media_type',
    message: '佐证材料只能是 PDF、JPEG 或 PNG 文件（按文件内容判断）',
  },
  RECTIFICATION_EVIDENCE_NOT_FOUND: { kind: 'not_found', message: '佐证材料不存在' },
  // 佐证材料 of a report and its indicators
  EVIDENCE_NOT_FOUND: { kind: 'not_found', message: '佐证材料不存在' },
  EVIDENCE_EMPTY: { kind: 'invalid', message: '文件是空的，请选择要上传的佐证材料' },
  EVIDENCE_FILE_NAME_INVALID: { kind: 'invalid', message: '请给出文件名（不超过 200 个字符）' },
  EVIDENCE_TOO_LARGE: { kind: 'payload_too_large', message: '佐证材料文件超过大小上限' },
  EVIDENCE_REPORT_FULL: { kind: 'payload_too_large', message: '本报告的佐证材料已达上限，请删去不需要的文件后再上传' },
  EVIDENCE_TYPE: {
    kind: 'unsupported_media_type',
    message: '佐证材料只能是 PDF、JPEG/PNG 图片、Word（.docx）、Excel（.xlsx）或 ZIP 压缩包（按文件内容判断）',
  },
  EVIDENCE_TYPE_MISMATCH: { kind: 'unsupported_media_type', message: '文件内容与扩展名不符，请检查文件' },
  EVIDENCE_ARCHIVE_REFUSED: { kind: 'invalid', message: '压缩文件未通过检查' },
  EVIDENCE_INDICATOR_NOT_FOUND: { kind: 'unprocessable', message: '报告的绩效自评表中没有这项指标' },
  EVIDENCE_REPORT_LOCKED: { kind: 'conflict', message: '报告已提交或已审定，不能再增删佐证材料' },
  EVIDENCE_SCAN_REJECTED: { kind: 'unprocessable', message: '文件未通过病毒扫描，已拒收' },
  EVIDENCE_SCAN_UNAVAILABLE: { kind: 'unavailable', message: '病毒扫描服务暂不可用，请稍后重试' },
  // concurrency
  CONFLICT: { kind: 'conflict', message: '数据已被他人修改，请刷新后重试' },
  VERSION_MISMATCH: { kind: 'precondition_failed', message: '数据已被他人修改，请查看最新内容后再提交' },
  VERSION_REQUIRED: {
    kind: 'precondition_required',
    message: '修改时需要提供所依据的版本（If-Match 请求头），以免覆盖他人的修改',
  },
  // load and infrastructure
  TOO_MANY_REQUESTS: { kind: 'too_many_requests', message: '请求过于频繁，请稍后再试' },
  RATE_LIMITED: { kind: 'too_many_requests', message: '请求过于频繁，请稍后再试' },
  REQUEST_TIMEOUT: { kind: 'request_timeout', message: '请求发送超时，请检查网络后重试' },
  DATABASE_UNAVAILABLE: { kind: 'unavailable', message: '数据库暂时不可用，请稍后重试；已保存的内容不会丢失' },
  IDEMPOTENCY_KEY_INVALID: {
    kind: 'invalid',
    message: 'Idempotency-Key 请求头应为 8–128 个字母、数字、“-”或“_”',
  },
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'unprocessable',
    message: '同一个 Idempotency-Key 已用于内容不同的请求，请为新的请求换一个',
  },
  IDEMPOTENCY_IN_PROGRESS: { kind: 'conflict', message: '相同的请求正在处理中，请稍候再试' },
  IDEMPOTENCY_ANSWER_LOST: {
    kind: 'conflict',
    message: '这个请求已经处理完成，但结果未能送达；请刷新页面查看，不必重复提交',
  },
  IDEMPOTENCY_CLAIM_LOST: { kind: 'conflict', message: '相同的请求已由重试接手处理，本次未重复写入' },
  SERVICE_UNAVAILABLE: { kind: 'unavailable', message: '服务暂时不可用，请稍后重试' },
  NOT_READY: { kind: 'unavailable', message: '服务未就绪：依赖的数据库或 Redis 不可达' },
  QUEUE_UNAVAILABLE: { kind: 'unavailable', message: '后台任务队列暂时不可用，请稍后重试' },
  JOB_NOT_FOUND: { kind: 'not_found', message: '后台任务不存在或已过期' },
  // the file store (a directory or an S3-compatible bucket); its own details go to the logs only
  STORAGE_UNAVAILABLE: { kind: 'unavailable', message: '文件存储暂不可用，请稍后重试' },
  STORAGE_TIMEOUT: { kind: 'unavailable', message: '文件存储响应超时，请稍后重试' },
  STORAGE_REFUSED: { kind: 'unavailable', message: '文件存储拒绝了请求，请联系管理员检查存储配置' },
  STORAGE_CHECKSUM_MISMATCH: { kind: 'unavailable', message: '文件传输校验未通过，请重试' },
  INTERNAL_ERROR: { kind: 'internal', message: '服务器内部错误，请稍后重试；如持续出现请联系管理员' },
  // public disclosure (随决算公开)
  PUBLICATION_REPORT_NOT_APPROVED: { kind: 'conflict', message: '只有审核通过的报告可以公开' },
  PUBLICATION_NOT_FOUND: { kind: 'not_found', message: '公开记录不存在' },
  PUBLICATION_ALREADY_WITHDRAWN: { kind: 'conflict', message: '该公开记录已撤销' },
  PUBLICATION_REASON_REQUIRED: { kind: 'invalid', message: '撤销公开须填写原因' },
  PUBLIC_COUNTY_NOT_FOUND: { kind: 'not_found', message: '未找到该县（区）的公开信息' },
  PUBLIC_DOCUMENT_NOT_FOUND: { kind: 'not_found', message: '公开文件不存在或已撤销公开' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** A failure with a stable code; the edge turns it into the one error body. */
export class AppError extends Error {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'AppError';
    this.kind = ERROR_CATALOGUE[code].kind;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
