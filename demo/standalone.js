// The offline page: hands the embedded articles (sample-data.js) to the
// viewers. Classic script, no fetch: both are blocked on file:// pages.
(function () {
  var status = document.getElementById('status');
  if (!window.Quoteline || !customElements.get('quoteline-viewer')) {
    status.textContent = 'The standalone bundle is missing: run `make demo` once to build web/dist/quoteline.standalone.js.';
    return;
  }
  var data = window.QUOTELINE_SAMPLE || {};
  document.getElementById('seed').load(data.seed).catch(function () {});
  document.getElementById('story').load(data.story).catch(function () {});
})();
