/** The update messages as the system's message boxes, attached to the workbench window when there is one. */
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { UpdateDialogs } from './update-checks';

export function electronUpdateDialogs(window: () => BrowserWindow | null): UpdateDialogs {
  const show = async (options: MessageBoxOptions): Promise<number> => {
    const owner = window();
    const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
    return response;
  };
  const tell = async (type: MessageBoxOptions['type'], message: string, detail?: string) => {
    await show({ type, title: 'Software Update', message, detail, buttons: ['OK'] });
  };
  return {
    notAvailable: (reason) => tell('info', 'Updates are not available for this copy', reason),
    upToDate: (version) => tell('info', 'Sourcebench is up to date', `You have the newest version, ${version}.`),
    downloading: (version) =>
      tell('info', `Sourcebench ${version} is available`, 'It is being downloaded; you will be asked to restart when it is ready.'),
    readyToInstall: async (version) =>
      (await show({
        type: 'info',
        title: 'Software Update',
        message: `Sourcebench ${version} is ready to install`,
        detail: 'Your work is saved as you go. Restart now to use the new version, or it is installed when you quit.',
        buttons: ['Restart Now', 'Later'],
        defaultId: 0,
        cancelId: 1,
      })) === 0,
    // The message says what failed and why; a heading above it would only repeat the title.
    failed: (message) => tell('warning', message),
  };
}
