// The home page: the businesses the installed province bundles offer, and the platform's health.
(function () {
  'use strict';
  var i18n = window.ZhichengI18n;
  var businesses = null;

  function localName(b) {
    return i18n.current() === 'en' ? (b.name.en || b.name.zh) : b.name.zh;
  }

  function render() {
    var status = document.getElementById('businesses-status');
    var table = document.getElementById('businesses');
    if (businesses === null) {
      return;
    }
    if (businesses === 'failed' || businesses.length === 0) {
      status.setAttribute('data-i18n', businesses === 'failed' ? 'businesses.failed' : 'businesses.none');
      status.textContent = i18n.t(status.getAttribute('data-i18n'));
      status.hidden = false;
      table.hidden = true;
      return;
    }
    var body = table.querySelector('tbody');
    body.replaceChildren();
    businesses.forEach(function (b) {
      var row = document.createElement('tr');
      row.setAttribute('data-business', b.id);
      [localName(b), b.province, b.version, b.id].forEach(function (text) {
        var cell = document.createElement('td');
        cell.textContent = text;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    status.hidden = true;
    table.hidden = false;
  }

  function load() {
    fetch('/api/v1/businesses', { headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (list) { businesses = list; render(); })
      .catch(function () { businesses = 'failed'; render(); });
    fetch('/api/health', { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (h) {
        var el = document.getElementById('health');
        el.setAttribute('data-i18n', 'health.' + h.status);
        el.className = 'health health-' + h.status.toLowerCase();
        el.textContent = i18n.t('health.' + h.status);
      })
      .catch(function () { /* the footer stays empty */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    i18n.apply();
    document.getElementById('lang-switch').addEventListener('click', i18n.toggle);
    document.addEventListener('zhicheng:lang', render);
    load();
  });
})();
