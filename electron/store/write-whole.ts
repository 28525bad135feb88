/**
 * Writing a file the user named so that it is either whole or not there: a crash, a full disk or
 * a refused path never leaves half an export or half a backup under the name the user gave.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Writes through a temporary file beside the target, then renames it over the target. */
export async function writeWhole(target: string, write: (temporary: string) => Promise<void> | void): Promise<void> {
  const folder = path.dirname(path.resolve(target));
  if (!fs.existsSync(folder)) throw new Error(`Cannot write ${target}: the folder ${folder} does not exist`);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new Error(`Cannot write ${target}: it is a folder`);
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.partial`);
  try {
    await write(temporary);
    const handle = fs.openSync(temporary, 'r');
    try {
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new Error(`Cannot write ${target}: ${reason}`);
  }
}
