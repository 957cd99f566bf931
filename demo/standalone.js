// The offline page: hands the embedded articles (sample-data.js) to the
// viewers. Classic script, no fetch: both are blocked on file:// pages.
(function () {
  var status = document.getElementById('status');
  if (!window.Quoteline || !customElements.get('quoteline-viewer')) {
    status.textContent = 'The standalone bundle is missing: run `make demo` once to build web/dist/quoteline.standalone.js.';
    return;
  }
  var data = window.QUOTELINE_SAMPLE || {};
  // The seed first: the story's ten articles wait until it is on screen.
  var story = function () {
    return document.getElementById('story').load(data.story).catch(function () {});
  };
  document.getElementById('seed').load(data.seed).then(story, story);
})();
