/**
 * npm run author -- path/to/scenario.json [--port 5173]
 *
 * Starts the app's development server with the scenario file attached: the instructor workspace
 * (opened at the printed URL) shows the file's diagnostics, map and preview, and reloads them
 * every time the file is saved. The workspace's editor saves back through it (`POST
 * /__author/save`, same-origin requests from localhost only; see author-save.ts). The file never
 * leaves this computer; the server listens on localhost only. Prints the URL to open and opens nothing itself.
 */
import { readFile } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import {
  AUTHOR_EVENT,
  AUTHOR_SAVE_URL,
  AUTHOR_SCENARIO_URL,
} from '../src/workspace/author-mode.ts';
import { handleSave } from './author-save.ts';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run author -- path/to/scenario.json [--port <number>]`);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; port?: number } {
  let file: string | undefined;
  let port: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--port') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1 || value > 65535)
        usage('--port needs a port number.');
      port = value;
    } else if (arg.startsWith('-')) usage(`Unknown option ${arg}.`);
    else if (file === undefined) file = arg;
    else usage('Give one scenario file.');
  }
  if (file === undefined) usage('Give the scenario file to author.');
  return port === undefined ? { file } : { file, port };
}

/** Serves the file's current text and announces every save to the open workspace pages. */
function authorPlugin(file: string, root: string): Plugin {
  const name = basename(file);
  // The path the command line takes from the project folder (where `npm run` runs).
  const path = relative(root, file).split(sep).join('/');
  return {
    name: 'kap-author',
    configureServer(server: ViteDevServer) {
      server.middlewares.use(AUTHOR_SAVE_URL, (req, res) => {
        handleSave(req, res, file, name).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(
            `Could not save ${name}: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
      });
      server.middlewares.use(AUTHOR_SCENARIO_URL, (_req, res) => {
        readFile(file, 'utf8').then(
          (text) => {
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.setHeader('X-Scenario-Name', encodeURIComponent(name));
            res.setHeader('X-Scenario-Path', encodeURIComponent(path));
            res.end(text);
          },
          (error: unknown) => {
            res.statusCode = 404;
            res.end(
              `Cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`,
            );
          },
        );
      });
      server.watcher.add(file);
      const changed = (path: string) => {
        if (resolve(path) !== file) return;
        readFile(file, 'utf8').then(
          (text) => {
            server.ws.send({ type: 'custom', event: AUTHOR_EVENT, data: { name, path, text } });
            console.log(`${name} saved: the workspace reloads it.`);
          },
          () => {
            // An editor may save by replacing the file; the 'add' that follows sends the text.
          },
        );
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
    },
  };
}

async function main(): Promise<void> {
  const { file: given, port } = parseArgs(process.argv.slice(2));
  const file = resolve(given);
  if (!existsSync(file)) usage(`There is no file ${given}.`);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const server = await createServer({
    root,
    plugins: [authorPlugin(file, root)],
    server: {
      host: 'localhost',
      // An editor may write the file in steps: announce it only once it has stopped changing.
      watch: { awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 30 } },
      open: false,
      ...(port === undefined ? {} : { port, strictPort: true }),
    },
    clearScreen: false,
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`;
  console.log(`Authoring ${basename(file)}. Open ${base}#/workspace?author`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
