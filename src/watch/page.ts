/**
 * The preview page: the HTML and the PDF side by side (or one of them), a
 * status line, and the problems of a failed build over the last good preview.
 * It reloads each frame when the server announces a new build, keeping the
 * HTML's scroll position.
 */
export function previewPage(name: string): string {
  const files = JSON.stringify({ html: `${name}.html`, pdf: `${name}.pdf` }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mdcv preview</title>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; background: #e8e8e8; }
  body { display: flex; flex-direction: column; }
  header { display: flex; gap: 1em; align-items: center; padding: .4em .8em; background: #1f3a5f; color: #fff; }
  header a, header button { color: inherit; }
  header button { background: none; border: 1px solid #fff8; border-radius: 3px; padding: .1em .6em; cursor: pointer; font: inherit; }
  header button[aria-pressed="true"] { background: #fff3; }
  #status { margin-left: auto; opacity: .85; }
  #problems { display: none; margin: 0; padding: .6em .8em; background: #fde8e8; color: #8a1111; border-bottom: 2px solid #c33; white-space: pre-wrap; font: 13px/1.4 ui-monospace, monospace; }
  #problems.shown { display: block; }
  main { flex: 1; display: flex; gap: 4px; min-height: 0; }
  iframe { flex: 1; border: 0; background: #fff; min-width: 0; }
  iframe[hidden] { display: none; }
</style>
</head>
<body>
<header>
  <strong>mdcv</strong>
  <span><button data-show="both" aria-pressed="true">both</button> <button data-show="html" aria-pressed="false">HTML</button> <button data-show="pdf" aria-pressed="false">PDF</button></span>
  <a id="pdf-link" target="_blank">PDF</a> <a id="html-link" target="_blank">HTML</a>
  <span id="status" role="status">waiting for the first build…</span>
</header>
<pre id="problems" role="alert"></pre>
<main>
  <iframe id="html" title="HTML preview"></iframe>
  <iframe id="pdf" title="PDF preview"></iframe>
</main>
<script>
  const files = ${files};
  const frames = { html: document.getElementById('html'), pdf: document.getElementById('pdf') };
  const status = document.getElementById('status');
  const problems = document.getElementById('problems');
  document.getElementById('pdf-link').href = files.pdf;
  document.getElementById('html-link').href = files.html;
  let shown = 0;
  function load(version) {
    const scroll = frames.html.contentWindow ? frames.html.contentWindow.scrollY : 0;
    frames.html.onload = () => frames.html.contentWindow.scrollTo(0, scroll);
    frames.html.src = files.html + '?v=' + version;
    frames.pdf.src = files.pdf + '?v=' + version;
    shown = version;
  }
  const events = new EventSource('events');
  events.addEventListener('build', (message) => {
    const build = JSON.parse(message.data);
    const time = new Date().toLocaleTimeString();
    problems.textContent = build.problems.join('\\n');
    problems.classList.toggle('shown', !build.ok || build.problems.length > 0);
    if (build.ok && build.version !== shown) load(build.version);
    status.textContent = build.ok ? 'build ' + build.version + ' at ' + time : 'failed at ' + time + ': showing the last good build';
    document.body.dataset.version = String(shown);
  });
  events.onerror = () => { status.textContent = 'disconnected: is mdcv watch still running?'; };
  for (const button of document.querySelectorAll('[data-show]')) {
    button.onclick = () => {
      for (const other of document.querySelectorAll('[data-show]')) other.setAttribute('aria-pressed', String(other === button));
      frames.html.hidden = button.dataset.show === 'pdf';
      frames.pdf.hidden = button.dataset.show === 'html';
    };
  }
</script>
</body>
</html>
`;
}
