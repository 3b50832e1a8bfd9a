// UI strings in Chinese and English; the answer text itself is always in the question's language.
const strings = {
  zh: {
    'tab.chat': '问答', 'tab.documents': '文档', logout: '退出',
    'login.title': '请输入访问密钥', 'login.help': '密钥由 IT 管理员用 icp keys add 创建。', 'login.remember': '在此电脑上记住',
    'login.submit': '进入', 'login.invalid': '密钥无效或已吊销。',
    'ask.placeholder': '输入问题，例如：M12 螺栓的拧紧力矩是多少？', 'ask.send': '提问', 'ask.new': '新对话',
    'mode.quote': '原文摘录', 'mode.generated': '模型生成', 'mode.refused': '未找到依据', 'mode.closest': '未确认答案 · 最相关条款', 'mode.withheld': '已隐藏',
    'answer.withheld': '此回答引用了您现在无权查看的文件（访问组已变更，或文件已收紧或删除），因此不再显示。请重新提问。',
    'answer.sources': '来源', 'answer.closest': '最相关的条款（不是答案）', 'answer.suggestions': '可查阅的文档', 'answer.busy': '模型繁忙，请 {0} 秒后重试。',
    'answer.failed': '回答失败：{0}', 'answer.thinking': '检索中…',
    'feedback.up': '有用', 'feedback.down': '没用', 'feedback.comment': '补充说明（可选）', 'feedback.send': '提交',
    'feedback.thanks': '已收到反馈，谢谢。',
    'source.close': '关闭', 'source.open': '打开原文件', 'source.page': '第 {0} 页', 'source.clause': '条款 {0}', 'source.lang.en': '英文原文', 'source.lang.zh': '中文原文',
    'docs.upload': '上传文档', 'docs.groups': '访问组，逗号分隔（默认 public）', 'docs.revision': '版本',
    'docs.doctype': '类型（sop、manual、standard…）', 'docs.send': '上传', 'docs.title': '标题', 'docs.number': '编号',
    'docs.pages': '页数', 'docs.chunks': '段落', 'docs.groups.short': '访问组', 'docs.status': '状态', 'docs.delete': '删除',
    'docs.confirm': '确定删除“{0}”？', 'job.queued': '排队中', 'job.indexing': '索引中', 'job.indexed': '已索引',
    'job.failed': '失败', 'status.current': '现行', 'status.superseded': '已作废',
    'docs.held': '{0} 段含对AI的指令，已暂扣', 'docs.heldReleased': '{0} 段已审核放行', 'docs.release': '审核后放行',
    'docs.releaseConfirm': '确认已审核《{0}》并放行被暂扣的段落？原因：{1}',
    'greeting.title': '您好！我可以根据已索引的文档回答问题，并给出处。', 'greeting.documents': '共 {0} 份文档：{1}', 'greeting.languages': '语言：{0}',
    'greeting.indexed': '最近索引：{0}', 'greeting.try': '可以这样问：', 'lang.zh': '中文', 'lang.en': '英文',
    'history.title': '历史对话', 'history.rename': '重命名', 'history.delete': '删除', 'history.confirm': '确定删除对话“{0}”？',
    'ask.stop': '停止', 'answer.stopped': '已停止（已显示的句子均已核实，来源未列出）', 'answer.copy': '复制答案和来源',
    'tab.admin': '管理', 'admin.keys': 'API 密钥', 'admin.name': '名称（如 mes-line3）', 'admin.create': '创建',
    'admin.once': '请立即复制：密钥只显示这一次。', 'admin.copy': '复制', 'admin.copied': '已复制', 'admin.name.short': '名称', 'admin.role': '角色',
    'admin.created': '创建时间', 'admin.revoke': '吊销', 'admin.revoked': '已吊销', 'admin.active': '有效', 'admin.confirm': '确定吊销密钥“{0}”？',
    'admin.groupmap': '目录组映射', 'admin.directory': '目录组',
    'admin.settings': '目录登录：{0}；单点登录：{1}；未映射的用户：{2}；组每 {3} 分钟重新读取。', 'admin.on': '开', 'admin.off': '关',
    'signin.title': '用公司账号登录', 'signin.user': '域账号', 'signin.password': '密码', 'signin.submit': '登录',
    'signin.withkey': '使用访问密钥', 'signin.button': '登录', 'signin.sso': '通过 {0} 单点登录',
    'signin.wrong': '账号或密码错误。', 'signin.locked': '失败次数过多，请稍后再试。', 'signin.down': '目录服务器无法连接，请联系 IT。',
    'signin.noaccess': '您的账号没有访问权限，请联系 IT。', 'signin.refused': '单点登录的账号没有访问权限。', 'signin.failed': '单点登录失败，请重试。',
  },
  en: {
    'tab.chat': 'Ask', 'tab.documents': 'Documents', logout: 'Sign out',
    'login.title': 'Enter your access key', 'login.help': 'Your IT admin creates keys with icp keys add.', 'login.remember': 'Remember on this computer',
    'login.submit': 'Continue', 'login.invalid': 'The key is unknown or revoked.',
    'ask.placeholder': 'Ask, e.g. What is the oil change interval of the AC-37 compressor?', 'ask.send': 'Ask', 'ask.new': 'New conversation',
    'mode.quote': 'Quoted', 'mode.generated': 'Generated', 'mode.refused': 'Not in the documents', 'mode.closest': 'No direct answer · closest passages', 'mode.withheld': 'Withheld',
    'answer.withheld': 'This answer cited a document you can no longer see (your access groups changed, or the document was narrowed or removed), so it is no longer shown. Ask again.',
    'answer.sources': 'Sources', 'answer.closest': 'Closest passages (not an answer)', 'answer.suggestions': 'Documents to check', 'answer.busy': 'The model is busy; try again in {0} s.',
    'answer.failed': 'The answer failed: {0}', 'answer.thinking': 'Searching…',
    'feedback.up': 'Helpful', 'feedback.down': 'Not helpful', 'feedback.comment': 'Comment (optional)', 'feedback.send': 'Send',
    'feedback.thanks': 'Thanks for the feedback.',
    'source.close': 'Close', 'source.open': 'Open original file', 'source.page': 'p. {0}', 'source.clause': 'clause {0}', 'source.lang.en': 'in English', 'source.lang.zh': 'in Chinese',
    'docs.upload': 'Upload documents', 'docs.groups': 'Access groups, comma-separated (default public)', 'docs.revision': 'Revision',
    'docs.doctype': 'Type (sop, manual, standard…)', 'docs.send': 'Upload', 'docs.title': 'Title', 'docs.number': 'Number',
    'docs.pages': 'Pages', 'docs.chunks': 'Passages', 'docs.groups.short': 'Groups', 'docs.status': 'Status', 'docs.delete': 'Delete',
    'docs.confirm': 'Delete “{0}”?', 'job.queued': 'queued', 'job.indexing': 'indexing', 'job.indexed': 'indexed',
    'job.failed': 'failed', 'status.current': 'current', 'status.superseded': 'superseded',
    'docs.held': '{0} passage(s) addressing an AI held back', 'docs.heldReleased': '{0} held passage(s) released after review', 'docs.release': 'Release after review',
    'docs.releaseConfirm': 'Have you reviewed "{0}" and want its held passages used in answers? Reason held: {1}',
    'greeting.title': 'Hello! I answer from the indexed documents, with sources.', 'greeting.documents': '{0} documents: {1}', 'greeting.languages': 'Languages: {0}',
    'greeting.indexed': 'Last indexed: {0}', 'greeting.try': 'Try asking:', 'lang.zh': 'Chinese', 'lang.en': 'English',
    'history.title': 'Conversations', 'history.rename': 'Rename', 'history.delete': 'Delete', 'history.confirm': 'Delete the conversation "{0}"?',
    'ask.stop': 'Stop', 'answer.stopped': 'Stopped (sentences shown were verified; sources not listed)', 'answer.copy': 'Copy answer and sources',
    'tab.admin': 'Admin', 'admin.keys': 'API keys', 'admin.name': 'Name (e.g. mes-line3)', 'admin.create': 'Create',
    'admin.once': 'Copy it now: the key is shown this once only.', 'admin.copy': 'Copy', 'admin.copied': 'Copied', 'admin.name.short': 'Name', 'admin.role': 'Role',
    'admin.created': 'Created', 'admin.revoke': 'Revoke', 'admin.revoked': 'revoked', 'admin.active': 'active', 'admin.confirm': 'Revoke the key "{0}"?',
    'admin.groupmap': 'Directory group mapping', 'admin.directory': 'Directory group',
    'admin.settings': 'Directory sign-in: {0}; single sign-on: {1}; unmapped users: {2}; groups re-read every {3} minutes.', 'admin.on': 'on', 'admin.off': 'off',
    'signin.title': 'Sign in with your company account', 'signin.user': 'User name', 'signin.password': 'Password', 'signin.submit': 'Sign in',
    'signin.withkey': 'Use an access key', 'signin.button': 'Sign in', 'signin.sso': 'Sign in with {0}',
    'signin.wrong': 'Wrong user name or password.', 'signin.locked': 'Too many failed sign-ins; try again later.', 'signin.down': 'The directory cannot be reached; contact IT.',
    'signin.noaccess': 'Your account has no access; contact IT.', 'signin.refused': 'The single sign-on account has no access.', 'signin.failed': 'Single sign-on failed; try again.',
  },
};

let language = localStorage.getItem('icp.lang') || (navigator.language.startsWith('zh') ? 'zh' : 'en');

export function t(key, ...args) {
  const text = strings[language][key] ?? key;
  return args.reduce((s, a, i) => s.replace(`{${i}}`, a), text);
}

export function currentLanguage() { return language; }

export function setLanguage(value) {
  language = value;
  localStorage.setItem('icp.lang', value);
  apply();
}

// Fills every element marked data-i18n / data-i18n-placeholder with the current language's text.
export function apply() {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  document.getElementById('lang').textContent = language === 'zh' ? 'EN' : '中文';
}
