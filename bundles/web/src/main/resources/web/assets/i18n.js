// Page texts in zh-CN (default) and English. Elements name their text with data-i18n="key".
(function () {
  'use strict';
  var TEXTS = {
    'zh-CN': {
      'app.title': '职称申报评审平台',
      'lang.switch': 'English',
      'businesses.title': '已开通的业务',
      'businesses.loading': '正在加载…',
      'businesses.none': '尚未安装任何业务。请管理员安装省份业务模块。',
      'businesses.failed': '业务列表加载失败，请稍后刷新重试。',
      'businesses.name': '业务名称',
      'businesses.province': '地区',
      'businesses.version': '规则版本',
      'businesses.id': '业务编号',
      'footer.apiDocs': '接口文档',
      'health.UP': '系统运行正常',
      'health.DEGRADED': '系统运行中，部分规则模块需要管理员处理',
      'health.DOWN': '系统暂不可用',
      'health.unknown': ''
    },
    'en': {
      'app.title': 'Professional Title Application and Review',
      'lang.switch': '中文',
      'businesses.title': 'Available businesses',
      'businesses.loading': 'Loading…',
      'businesses.none': 'No business is installed yet. An administrator installs the province bundles.',
      'businesses.failed': 'The business list could not be loaded; please refresh later.',
      'businesses.name': 'Business',
      'businesses.province': 'Region',
      'businesses.version': 'Rules version',
      'businesses.id': 'Business id',
      'footer.apiDocs': 'API documentation',
      'health.UP': 'All systems working',
      'health.DEGRADED': 'Working; some rule bundles need an administrator',
      'health.DOWN': 'Temporarily unavailable',
      'health.unknown': ''
    }
  };
  var STORAGE_KEY = 'zhicheng.lang';

  function current() {
    // ?lang=en (or zh-CN) in the address wins, so a link can choose the language.
    var asked = new URLSearchParams(window.location.search).get('lang');
    if (TEXTS[asked]) {
      return asked;
    }
    var saved = null;
    try { saved = window.localStorage.getItem(STORAGE_KEY); } catch (e) { /* storage disabled */ }
    return TEXTS[saved] ? saved : 'zh-CN';
  }

  function t(key) {
    var texts = TEXTS[current()];
    return Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
  }

  function apply(root) {
    document.documentElement.lang = current();
    (root || document).querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    document.title = t('app.title');
  }

  function toggle() {
    var next = current() === 'zh-CN' ? 'en' : 'zh-CN';
    try { window.localStorage.setItem(STORAGE_KEY, next); } catch (e) { /* storage disabled */ }
    if (new URLSearchParams(window.location.search).has('lang')) {
      var url = new URL(window.location.href);
      url.searchParams.set('lang', next);
      window.history.replaceState(null, '', url);
    }
    apply();
    document.dispatchEvent(new CustomEvent('zhicheng:lang', { detail: next }));
  }

  window.ZhichengI18n = { t: t, apply: apply, toggle: toggle, current: current };
})();
