/**
 * A browser host on a fresh corpus project and a renderer folder of its own, for the tests that
 * talk to it over HTTP. `prepareRenderer` puts files there before the host starts: sirv lists the
 * folder once at start, so a file added later is never served.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDispatch } from '../../shared/dispatch';
import { createHandlers } from '../../electron/app/project-session';
import { Project } from '../../electron/app/project';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/http/browser-host';
import { corpusDir, tempDir } from './temp';

export interface TestHost {
  readonly host: BrowserHost;
  readonly project: Project;
  readonly rendererDir: string;
  close(): Promise<void>;
}

export async function startTestHost(prepareRenderer: (rendererDir: string) => void = () => {}): Promise<TestHost> {
  const temp = tempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sourcebench</title>');
  prepareRenderer(rendererDir);
  const project = Project.open(path.join(temp.dir, 'p.sourcebench'), { corpusDir });
  const host = await startBrowserHost({ dispatch: createDispatch(createHandlers(project, 'browser')), rendererDir });
  return {
    host,
    project,
    rendererDir,
    close: async () => {
      await host.close();
      project.close();
      temp.cleanup();
    },
  };
}
