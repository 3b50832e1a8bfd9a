// UI strings in Chinese and English; the answer text itself is always in the question's language.
const strings = {
  zh: {
    'tab.chat': '问答', 'tab.documents': '文档', logout: '退出',
    'login.title': '请输入访问密钥', 'login.help': '密钥由 IT 管理员用 icp keys add 创建。', 'login.remember': '在此电脑上记住',
    'login.submit': '进入', 'login.invalid': '密钥无效或已吊销。',
    'ask.placeholder': '输入问题，例如：E-205 报警怎么处理？', 'ask.send': '提问', 'ask.new': '新对话',
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
    'chip.label': '来源 {0}：{1}', 'source.title': '来源', 'source.rev': '版本 {0}', 'source.row': '第 {0} 行', 'source.rows': '第 {0}–{1} 行',
    'source.pages': '第 {0}–{1} 页', 'source.viewer': '在查看器中打开（第 {0} 页）', 'source.download': '下载原文件 {0}', 'source.share': '复制链接',
    'source.shared': '链接已复制', 'source.file': '文件 {0}', 'source.ocr': 'OCR 识别 {0}%', 'source.loading': '正在打开来源…', 'source.failed': '来源无法打开：{0}',
    'answer.more': '另外 {0} 条相关条款', 'answer.revision': '查看 {0} 版原文', 'answer.regenerate': '重新回答', 'answer.retry': '重试', 'answer.retryIn': '{0} 秒后可重试',
    'answer.offline': '连接中断，回答没有完成。问题已保留，可以重试。', 'answer.server': '服务器出错（{0}），回答没有完成。问题已保留，可以重试。',
    'answer.timeout': '等待超过 {0} 秒仍未回答。问题已保留，可以重试。', 'answer.related': '可以换个问法：', 'answer.why': '为什么没有确认：',
    'history.search': '搜索历史对话', 'history.none': '没有匹配的对话', 'skip': '跳到提问框', 'lang.switch': '切换到英文界面',
    'admin.lastUsed': '最近使用', 'admin.never': '从未使用', 'viewer.title': '原文查看', 'viewer.page': '第 {0} / {1} 页', 'viewer.prev': '上一页', 'viewer.next': '下一页',
    'viewer.notfound': '此页上没有找到引用的文字，请在页面中查看。', 'viewer.failed': '无法打开文件：{0}', 'viewer.signin': '请先在问答页面登录，再打开此链接。',
  },
  en: {
    'tab.chat': 'Ask', 'tab.documents': 'Documents', logout: 'Sign out',
    'login.title': 'Enter your access key', 'login.help': 'Your IT admin creates keys with icp keys add.', 'login.remember': 'Remember on this computer',
    'login.submit': 'Continue', 'login.invalid': 'The key is unknown or revoked.',
    'ask.placeholder': 'Ask, e.g. How do I clear alarm A-102 on the compressor?', 'ask.send': 'Ask', 'ask.new': 'New conversation',
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
    'chip.label': 'Source {0}: {1}', 'source.title': 'Source', 'source.rev': 'Rev. {0}', 'source.row': 'row {0}', 'source.rows': 'rows {0}–{1}',
    'source.pages': 'pp. {0}–{1}', 'source.viewer': 'Open in the viewer (p. {0})', 'source.download': 'Download {0}', 'source.share': 'Copy link',
    'source.shared': 'Link copied', 'source.file': 'file {0}', 'source.ocr': 'OCR {0}%', 'source.loading': 'Opening the source…', 'source.failed': 'The source could not be opened: {0}',
    'answer.more': '{0} more related passages', 'answer.revision': 'Open Rev. {0}', 'answer.regenerate': 'Answer again', 'answer.retry': 'Retry', 'answer.retryIn': 'Retry possible in {0} s',
    'answer.offline': 'The connection dropped before the answer was complete. Your question is kept; retry when ready.', 'answer.server': 'The server failed ({0}) before the answer was complete. Your question is kept; retry when ready.',
    'answer.timeout': 'No answer after {0} s. Your question is kept; retry when ready.', 'answer.related': 'Try asking:', 'answer.why': 'Why not confirmed: ',
    'history.search': 'Search conversations', 'history.none': 'No matching conversation', 'skip': 'Skip to the question box', 'lang.switch': 'Switch to Chinese',
    'admin.lastUsed': 'Last used', 'admin.never': 'never', 'viewer.title': 'Source viewer', 'viewer.page': 'Page {0} of {1}', 'viewer.prev': 'Previous page', 'viewer.next': 'Next page',
    'viewer.notfound': 'The quoted words were not found on this page; read the page itself.', 'viewer.failed': 'The file could not be opened: {0}', 'viewer.signin': 'Sign in on the chat page first, then open this link again.',
  },
};

// The page's language: the person's own choice (remembered per person on this computer: a shared PC at a machine
// serves several technicians, and one's English must not become the next one's), else the plant's default
// (Server:DefaultLanguage), else the browser's. Before anyone signs in, the last choice made on this computer.
let person = '';
let plantDefault = null;
let language = pick();

function pick() {
  const chosen = person ? localStorage.getItem(`icp.lang.${person}`) : localStorage.getItem('icp.lang');
  if (chosen === 'zh' || chosen === 'en') return chosen;
  if (plantDefault === 'zh' || plantDefault === 'en') return plantDefault;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function t(key, ...args) {
  const text = strings[language][key] ?? key;
  return args.reduce((s, a, i) => s.replace(`{${i}}`, a), text);
}

export function currentLanguage() { return language; }

/** A date and time written as the page's language writes them (not the browser's: a Chinese page on an English PC). */
export function when(value) { return new Date(value).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB'); }

/** The plant's default and, once signed in, whose choice to remember; re-applies the language they give. */
export function useLanguageOf(name, defaultLanguage) {
  if (defaultLanguage !== undefined) plantDefault = defaultLanguage;
  if (name !== undefined) person = name;
  language = pick();
  apply();
}

export function setLanguage(value) {
  language = value;
  if (person) localStorage.setItem(`icp.lang.${person}`, value);
  localStorage.setItem('icp.lang', value);
  apply();
  document.dispatchEvent(new CustomEvent('icp:language'));
}

// Fills every element marked data-i18n / data-i18n-placeholder / data-i18n-label with the current language's text.
export function apply() {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  document.querySelectorAll('[data-i18n-label]').forEach(e => { e.setAttribute('aria-label', t(e.dataset.i18nLabel)); });
  const switcher = document.getElementById('lang');
  if (switcher) {
    switcher.textContent = language === 'zh' ? 'EN' : '中文';
    switcher.setAttribute('aria-label', t('lang.switch'));
    switcher.lang = language === 'zh' ? 'en' : 'zh-CN';
  }
}
