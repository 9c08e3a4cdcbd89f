#!/usr/bin/env node
// make bench: how fast mdcv is next to one bare pdflatex pass over the same document,
// measured side by side in one run, rounds alternating, medians. Prints the ratios against
// the targets and writes them to BENCHMARKS.md with the machine they came from.
// A script, not a test: timings depend on the machine and on what else runs on it.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const MANY = 20;
// The 20-file ratio moves by ±0.2 from round to round here (two vCPUs): 15 rounds, for a median that holds still.
const MANY_ROUNDS = Number(process.env.BENCH_MANY_ROUNDS ?? 15);
const ROOT = process.cwd();
const CLI = path.join(ROOT, 'dist/bin/mdcv.js');
const SEED = readFileSync(path.join(ROOT, 'resume.md'), 'utf8');
// Reports the CLI's own peak memory (not its pdflatex children's) as it exits.
const PEAK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write(`mdcv-peak-rss ${process.resourceUsage().maxRSS}\\n`))';

const work = mkdtempSync(path.join(os.tmpdir(), 'mdcv-bench-'));
// Node reads the certificates NODE_EXTRA_CA_CERTS names as it starts, before any of mdcv runs: ~90 ms a process
// here (this machine's environment sets it for its npm proxy). mdcv opens no TLS connection and `make` runs it
// without the variable; so do the builds below, and one more row shows what it costs where it is set.
const { NODE_EXTRA_CA_CERTS: extraCerts, ...inherited } = process.env;
const env = { ...inherited, MDCV_CACHE_DIR: path.join(work, 'cache'), NO_COLOR: '1' };
const peaks = {};

/** The seed with one word changed, so that each round has a new document to build. */
const variant = (round, who = 'Your Name') =>
  SEED.replace('name: Your Name', `name: ${who}`).replace('Work on ExP team.', `Work on ExP team (round ${round}).`);

function project(name, files) {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(ROOT, 'photo.png'), path.join(dir, 'photo.png'));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

// CPU time, of the whole machine while a run lasts (Linux's /proc/stat, in 10 ms ticks): a process's own count
// (GNU time's) misses a sandboxed engine, since bubblewrap's PID namespace passes no child's time up. On a quiet
// machine the rest is a few ms; on one shared with other work, this shows the load that wall time hides.
const cpu = {};
function busyMs() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait.
  return fields.slice(0, 8).reduce((sum, n, i) => (i === 3 || i === 4 ? sum : sum + n), 0) * 10;
}
const CPU = existsSync('/proc/stat');

function timed(command, args, cwd, peakKey, cpuKey, runEnv = env) {
  const full = [command, ...(peakKey ? ['--import', PEAK, ...args] : args)];
  const busy = CPU && cpuKey ? busyMs() : 0;
  const start = performance.now();
  const run = spawnSync(full[0], full.slice(1), { cwd, env: runEnv, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${run.stdout}\n${run.stderr}`);
  if (CPU && cpuKey) (cpu[cpuKey] ??= []).push(busyMs() - busy);
  if (peakKey) {
    const kb = Number(/mdcv-peak-rss (\d+)/.exec(run.stderr)?.[1]);
    peaks[peakKey] = Math.max(peaks[peakKey] ?? 0, kb);
  }
  return ms;
}

const mdcv = (args, cwd, peakKey, cpuKey) => timed('node', [CLI, ...args], cwd, peakKey, cpuKey);

// --- set up: one project per measurement, each built once so caches are warm where they should be
const single = project('single', { 'resume.md': variant(0) });
mdcv(['build', '-q'], single);
const bare = project('bare', {});
copyFileSync(path.join(single, 'out/resume.tex'), path.join(bare, 'resume.tex'));
copyFileSync(path.join(single, 'out/resume-photo.png'), path.join(bare, 'resume-photo.png'));
const cold = project('cold', { 'resume.md': variant(0) });
const pandocDir = project('pandoc', { 'resume.md': SEED });
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
const many = project('many', {});
const manyFiles = Array.from({ length: MANY }, (_, i) => `r${String(i + 1).padStart(2, '0')}.md`);
const writeMany = (round) =>
  manyFiles.forEach((f, i) => writeFileSync(path.join(many, f), variant(round, `Person ${i + 1}`)));
writeMany(0);
mdcv(['build', '-q', ...manyFiles], many);
const watched = project('watch', { 'resume.md': variant(0) });

const watcher = spawn('node', ['--import', PEAK, CLI, 'watch', 'resume.md', '--port', '0'], {
  cwd: watched,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let watcherOut = '';
let watcherErr = '';
watcher.stdout.on('data', (d) => (watcherOut += d));
watcher.stderr.on('data', (d) => (watcherErr += d));
await until(() => /built in/.test(watcherOut), 'the first watch build');

/** Saves the watched resume and waits for its new PDF to be in place. */
async function watchRebuild(round) {
  const pdf = path.join(watched, 'out/resume.pdf');
  const before = statSync(pdf).mtimeMs;
  const written = new Promise((resolve) => {
    const outWatcher = watch(path.join(watched, 'out'), (_event, name) => {
      if (name === 'resume.pdf' && statSync(pdf, { throwIfNoEntry: false })?.mtimeMs !== before) {
        outWatcher.close();
        resolve(performance.now());
      }
    });
  });
  const start = performance.now();
  writeFileSync(path.join(watched, 'resume.md'), variant(round));
  return (await written) - start;
}

// --- the rounds: every measurement once per round, in turn
const samples = {
  bare: [],
  warm: [],
  certs: [],
  unchanged: [],
  cold: [],
  pandoc: [],
  watch: [],
  serial: [],
  parallel: [],
};
for (let round = 1; round <= ROUNDS; round++) {
  samples.bare.push(
    timed('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'resume.tex'], bare, undefined, 'bare'),
  );
  writeFileSync(path.join(single, 'resume.md'), variant(round));
  samples.warm.push(mdcv(['build', '-q'], single, 'build (warm)', 'warm'));
  if (extraCerts) {
    writeFileSync(path.join(single, 'resume.md'), variant(round, 'Certs'));
    samples.certs.push(
      timed('node', [CLI, 'build', '-q'], single, undefined, undefined, { ...env, NODE_EXTRA_CA_CERTS: extraCerts }),
    );
    writeFileSync(path.join(single, 'resume.md'), variant(round));
    mdcv(['build', '-q'], single);
  }
  samples.unchanged.push(mdcv(['build', '-q'], single, 'build (unchanged)', 'unchanged'));
  samples.cold.push(mdcv(['build', '-q', '--no-cache'], cold, 'build --no-cache', 'cold'));
  if (hasPandoc) samples.pandoc.push(timed('pandoc', ['resume.md', '-o', 'resume.pdf'], pandocDir));
  samples.watch.push(await watchRebuild(round));
}
for (let round = 1; round <= MANY_ROUNDS; round++) {
  // Alternate which goes first, so neither always meets a warmer machine.
  const order = round % 2 ? ['serial', 'parallel'] : ['parallel', 'serial'];
  for (const [i, kind] of order.entries()) {
    writeMany(round * 2 + i);
    samples[kind].push(
      mdcv(['build', '-q', ...(kind === 'serial' ? ['-j', '1'] : []), ...manyFiles], many, `build of ${MANY} files`),
    );
  }
}
watcher.kill('SIGINT');
await new Promise((resolve) => watcher.on('exit', resolve));
peaks['watch session'] = Number(/mdcv-peak-rss (\d+)/.exec(watcherErr)?.[1]);

// --- report
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const m = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, xs.length ? median(xs) : NaN]));
const ms = (x) => (Number.isNaN(x) ? 'n/a' : `${Math.round(x)} ms`);
const peakMb = Math.max(...Object.values(peaks)) / 1024;
const rows = [
  ['bare pdflatex pass over the generated .tex', ms(m.bare), '1.00×', '', ''],
  ['warm rebuild (content changed, caches kept)', ms(m.warm), m.warm / m.bare, '≤ 1.0×', m.warm / m.bare <= 1.0],
  [
    'warm rebuild, `NODE_EXTRA_CA_CERTS` set as in this machine’s environment',
    ms(m.certs),
    extraCerts ? m.certs / m.bare : 'not set',
    '',
    '',
  ],
  ['unchanged rebuild', ms(m.unchanged), m.unchanged / m.bare, '≤ 0.5×', m.unchanged / m.bare <= 0.5],
  ['`--no-cache` build', ms(m.cold), m.cold / m.bare, '≤ 2.0×', m.cold / m.bare <= 2.0],
  ['watch mode: save → new PDF written', ms(m.watch), m.watch / m.bare, '≤ 0.6×', m.watch / m.bare <= 0.6],
  [
    '`pandoc resume.md -o resume.pdf` ÷ warm rebuild',
    ms(m.pandoc),
    hasPandoc ? m.pandoc / m.warm : NaN,
    '≥ 2.0',
    hasPandoc ? m.pandoc / m.warm >= 2.0 : 'no pandoc',
  ],
  [`${MANY} resumes, serial (\`-j 1\`)`, ms(m.serial), '', '', ''],
  [
    `${MANY} resumes, parallel (default \`-j\`, one more than the cores): throughput × serial`,
    ms(m.parallel),
    m.serial / m.parallel,
    '≥ 1.7×',
    m.serial / m.parallel >= 1.7,
  ],
  ['peak memory of the CLI', `${Math.round(peakMb)} MB`, '', '≤ 120 MB', peakMb <= 120],
].map(([what, time, ratio, target, met]) => [
  what,
  time,
  typeof ratio === 'number'
    ? Number.isNaN(ratio)
      ? 'n/a'
      : `${ratio.toFixed(2)}${target.startsWith('≥ 2') ? '' : '×'}`
    : ratio,
  target,
  met === '' ? '' : met === true ? 'met' : met === false ? '**not met**' : met,
]);

const machine = {
  cpu: `${os.cpus()[0]?.model ?? 'unknown'}, ${os.availableParallelism()} cores`,
  memory: `${Math.round(os.totalmem() / 2 ** 30)} GB`,
  system: `${os.type()} ${os.release()}`,
  node: process.version,
  tex: execFileSync('pdftex', ['--version'], { encoding: 'utf8' }).split('\n')[0],
  pandoc: hasPandoc ? execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0] : 'not installed',
  load: os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', '),
};
const table = [
  '| what | median | ratio | target | |',
  '| --- | ---: | ---: | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const cpuLine = Object.entries(cpu)
  .map(([k, xs]) => `${k} ${Math.round(median(xs))} ms (${(median(xs) / median(cpu.bare)).toFixed(2)}×)`)
  .join(', ');
const peaksLine = Object.entries(peaks)
  .map(([k, kb]) => `${k} ${Math.round(kb / 1024)} MB`)
  .join(', ');

process.stdout.write(`\n${table}\n\nCLI peak memory by run: ${peaksLine}\n`);
if (cpuLine)
  process.stdout.write(
    `CPU time (the machine's, the engine's included), medians and ratio to bare pdflatex: ${cpuLine}\n`,
  );
process.stdout.write(
  `${ROUNDS} rounds (${MANY_ROUNDS} for the ${MANY} resumes); load average at the end: ${machine.load}\n`,
);

const doc = `# Benchmarks

What \`make bench\` (\`scripts/bench.mjs\`) measured last. Every figure is a median over
${ROUNDS} rounds (${MANY_ROUNDS} for the ${MANY} resumes), the measurements taking turns within each
round; ratios are to one bare \`pdflatex\` pass over the same generated \`.tex\` in the same run.
Builds run the bundled CLI (\`node dist/bin/mdcv.js\`) on the seed \`resume.md\` (two pages,
photo), each as a new process, as a person would; the watch figure is the time from writing
the Markdown to the new PDF being in place, with \`mdcv watch\` already running.

${table}

CLI peak memory (resident, the Node process, not its pdflatex runs): ${peaksLine}.
${cpuLine ? `\nCPU time (of the whole machine while each run lasts, so the sandboxed engine's is in it), medians and ratio to the bare pass's: ${cpuLine}.\n` : ''}
## Machine

- CPU: ${machine.cpu}
- Memory: ${machine.memory}
- System: ${machine.system}
- Node.js ${machine.node}; ${machine.tex}; ${machine.pandoc}
- Load average at the end of the run (1, 5, 15 min): ${machine.load}
- Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
`;
// Notes written by hand below the figures stay.
const notes =
  /\n## Notes\n[\s\S]*$/.exec(readFileSync(path.join(ROOT, 'BENCHMARKS.md'), { encoding: 'utf8', flag: 'a+' }))?.[0] ??
  '';
writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), doc + notes);
process.stdout.write('wrote BENCHMARKS.md\n');
rmSync(work, { recursive: true, force: true });

async function until(check, what, ms = 120_000) {
  for (const start = Date.now(); !check(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}:\n${watcherOut}\n${watcherErr}`);
  }
}
