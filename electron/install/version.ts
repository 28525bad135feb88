import packageJson from '../../package.json' with { type: 'json' };

/** The workbench's version, from package.json so it is written in one place. */
export const appVersion: string = packageJson.version;
