/**
 * What the workbench remembers outside a project (recent projects, the window's place) survives a
 * restart, and a damaged settings file never stops the workbench from opening: it is set aside,
 * not deleted, and the defaults are used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Settings } from '../../../electron/app/settings';
import { MAX_RECENT_PROJECTS } from '../../../shared/projects';
import { tempDir } from '../../support/temp';

let temp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  temp = tempDir('sourcebench-settings-');
  file = path.join(temp.dir, 'nested', 'settings.json');
});
afterEach(() => temp.cleanup());

describe('settings', () => {
  it('keeps the recent projects newest first, once each, at most ten, across a restart', () => {
    const settings = new Settings(file);
    for (let i = 0; i < 12; i++) settings.rememberProject(`/projects/p${i}.sourcebench`);
    settings.rememberProject('/projects/p5.sourcebench');
    const again = new Settings(file);
    expect(again.recentProjects).toHaveLength(MAX_RECENT_PROJECTS);
    expect(again.recentProjects.slice(0, 3)).toEqual(['/projects/p5.sourcebench', '/projects/p11.sourcebench', '/projects/p10.sourcebench']);
    expect(again.recentProjects.filter((entry) => entry === '/projects/p5.sourcebench')).toHaveLength(1);
    again.clearRecentProjects();
    expect(new Settings(file).recentProjects).toEqual([]);
  });

  it('keeps the window place', () => {
    new Settings(file).saveWindowBounds({ x: 40, y: 30, width: 1200, height: 800, maximized: true });
    expect(new Settings(file).windowBounds).toEqual({ x: 40, y: 30, width: 1200, height: 800, maximized: true });
  });

  it('keeps the choice to turn automatic update checks off (on until then), and reads a file from before the choice existed', () => {
    expect(new Settings(file).checkForUpdates).toBe(true);
    new Settings(file).setCheckForUpdates(false);
    expect(new Settings(file).checkForUpdates).toBe(false);
    fs.writeFileSync(file, JSON.stringify({ recentProjects: ['/projects/p.sourcebench'], window: null }));
    const older = new Settings(file);
    expect([older.problem, older.recentProjects, older.checkForUpdates]).toEqual([null, ['/projects/p.sourcebench'], true]);
  });

  it('sets a damaged file aside and starts from the defaults, saying so', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"recentProjects": ["/a.sourcebench", 42');
    const settings = new Settings(file);
    expect(settings.recentProjects).toEqual([]);
    expect(settings.problem).toContain('set aside');
    const aside = fs.readdirSync(path.dirname(file)).filter((name) => name.startsWith('settings.json.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(file), aside[0]!), 'utf8')).toContain('/a.sourcebench');
    settings.rememberProject('/b.sourcebench');
    expect(new Settings(file).recentProjects).toEqual(['/b.sourcebench']);
  });

  it('refuses a wrong shape too (a window of 5 pixels), and writes the file whole (no temporary left behind)', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ recentProjects: [], window: { x: 0, y: 0, width: 5, height: 5, maximized: false } }));
    const settings = new Settings(file);
    expect(settings.windowBounds).toBeNull();
    settings.rememberProject('/c.sourcebench');
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
