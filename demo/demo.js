// The demo host keeps the first viewer's state in the URL (#quote=…,
// #speaker=…) through the element's events, as a news site might.
const viewer = document.getElementById('viewer');
if (viewer) {
  const params = () => new URLSearchParams(location.hash.slice(1));
  const write = (p) => history.replaceState(null, '', `#${p}`);
  viewer.addEventListener('quoteline-ready', () => {
    const p = params();
    const f = {};
    for (const k of ['speaker', 'kind', 'text']) if (p.get(k)) f[k] = p.get(k);
    if (Object.keys(f).length) viewer.filter(f);
    const q = p.get('quote');
    if (q) {
      const [article, quote] = q.includes('/') ? q.split('/') : [undefined, q];
      viewer.select({ article, quote });
    }
  }, { once: true });
  viewer.addEventListener('quoteline-select', (e) => {
    const p = params();
    if (e.detail.quote) p.set('quote', `${e.detail.article}/${e.detail.quote}`);
    else p.delete('quote');
    write(p);
  });
  viewer.addEventListener('quoteline-filter', (e) => {
    const p = params();
    for (const k of ['speaker', 'kind', 'text']) {
      if (e.detail[k]) p.set(k, e.detail[k]);
      else p.delete(k);
    }
    write(p);
  });
}
