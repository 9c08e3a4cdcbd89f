import { InvalidArgumentError, type Command } from 'commander';
import { existsSync, watch } from 'node:fs';
import path from 'node:path';
import { messages } from '../../model/messages.js';
import { colorsFor } from '../colors.js';
import { printDiagnostics, printWritten, visible } from '../report.js';

interface WatchCommandOptions {
  out: string;
  theme?: string;
  port?: number;
}

const DEFAULT_PORT = 4170;

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('build FILE.md, then again on every save, with a live preview (HTML and PDF) on 127.0.0.1')
    .argument('[file]', 'the resume Markdown', 'resume.md')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--theme <name>', 'a built-in theme, or a path to a theme folder (over the frontmatter)')
    .option(
      '-p, --port <number>',
      `the preview's port (default ${DEFAULT_PORT}, or a free one when that is taken)`,
      parsePort,
    )
    .action(async (file: string, options: WatchCommandOptions) => {
      if (!existsSync(file)) {
        const folder = path.dirname(path.resolve(file));
        if (!existsSync(folder)) {
          printDiagnostics([
            { file, severity: 'error', message: messages.watchNoFolder(path.relative(process.cwd(), folder) || '.') },
          ]);
          process.exitCode = 1;
          return;
        }
        process.stderr.write(`${messages.watchWaiting(file)}\n`);
        await savedAt(file);
      }
      // Loaded here: the other commands start without the pipeline and the server.
      const [{ watchResume }, { servePreview }] = await Promise.all([
        import('../../watch/rebuild.js'),
        import('../../watch/server.js'),
      ]);
      const outDir = path.resolve(options.out);
      const server = await servePreview({
        outDir,
        name: path.basename(file, path.extname(file)),
        port: options.port ?? DEFAULT_PORT,
        strictPort: options.port !== undefined,
      });
      const colors = colorsFor(process.stdout);
      process.stdout.write(`watching ${visible(file)}; preview at ${server.url} (Ctrl-C to stop)\n`);
      watchResume({ file, outDir, theme: options.theme }, (build) => {
        server.publish(build);
        const { result } = build;
        printDiagnostics(result.diagnostics);
        const time = new Date().toLocaleTimeString();
        if (!result.ok)
          process.stderr.write(`${colors.dim(time)} build failed; the preview keeps the last good build\n`);
        else if (result.unchanged) process.stdout.write(`${colors.dim(time)} unchanged\n`);
        else {
          process.stdout.write(`${colors.dim(time)} built in ${Math.round(build.ms)} ms\n`);
          printWritten(Object.values(result.outputs), false);
        }
      });
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError(`expected a port number (0 for any free one); got \`${value}\``);
  return port;
}

/** Resolves once `file` exists, watching its folder (which must exist) for it. */
function savedAt(file: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(path.dirname(path.resolve(file)), () => {
      if (!existsSync(file)) return;
      watcher.close();
      resolve();
    });
    // Saved between the first look and the watch.
    if (existsSync(file)) watcher.emit('change');
  });
}
