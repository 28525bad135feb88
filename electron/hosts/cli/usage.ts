/**
 * How `sourcebench` reports a command line it cannot run: one line naming the argument and what
 * was expected, the same exit code for every such mistake, and JSON on stderr under `--json`, so
 * that neither a person nor a script is left with a bare exit code.
 */
import { Command, CommanderError, type ErrorOptions } from 'commander';
import { ApiError } from '../../../shared/errors';

/** Exit codes, as `--help` lists them. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  the command failed: the project, a file or an input was refused (the message says why)
  2  the command line is wrong: an unknown command or option, a missing or invalid argument
`;

/** A command-line mistake, already worded for the user. */
export class UsageError extends CommanderError {
  constructor(
    message: string,
    readonly argument: string | undefined,
  ) {
    super(EXIT.usage, 'usage', message);
  }
}

/**
 * A Command whose own errors (missing, unknown or invalid arguments) become UsageErrors with
 * messages written for a historian rather than Commander's terse ones; nothing is printed here,
 * runCli prints every error in one place, as text or JSON.
 */
export class CliCommand extends Command {
  override createCommand(name?: string): CliCommand {
    return new CliCommand(name);
  }

  override error(message: string, _options?: ErrorOptions): never {
    const { text, argument } = reword(this, message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim());
    throw new UsageError(`${text} See: ${commandPath(this)} --help`, argument);
  }
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

function optionDescription(command: Command, flags: string): string {
  for (let at: Command | null = command; at; at = at.parent) {
    const option = at.options.find((candidate) => candidate.flags === flags);
    if (option) return option.argChoices ? `${option.description} (one of ${option.argChoices.join(', ')})` : option.description;
  }
  return '';
}

/** "allowed choices are …" from Commander's "Allowed choices are ….", and our parsers' "expected …". */
function clause(text: string): string {
  const trimmed = text.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

function withDescription(text: string, description: string): string {
  return description ? `${text}: ${description.replace(/\.$/, '')}.` : `${text}.`;
}

/** Did-you-mean, as Commander words it ("(Did you mean --json?)"), kept in the sentence. */
function suggestion(rest: string): string {
  const match = /\(Did you mean (.+)\?\)/.exec(rest);
  return match ? ` (did you mean ${match[1]}?)` : '';
}

/**
 * Commander's messages (commander 14), reworded. Each pattern is one of its error functions; one
 * it does not know keeps Commander's wording, so an upgrade cannot make an error silent.
 */
function reword(command: Command, message: string): { text: string; argument?: string } {
  let match: RegExpExecArray | null;
  if ((match = /^option '(.+?)' argument '(.*)' is invalid\. (.*)$/.exec(message))) {
    const name = longName(match[1]!);
    return { text: `Invalid ${name} "${match[2]}": ${clause(match[3]!)}.`, argument: name };
  }
  if ((match = /^command-argument value '(.*)' is invalid for argument '(.+?)'\. (.*)$/.exec(message))) {
    return { text: `Invalid ${match[2]} "${match[1]}": ${clause(match[3]!)}.`, argument: match[2]! };
  }
  if ((match = /^missing required argument '(.+)'$/.exec(message))) {
    const argument = command.registeredArguments.find((candidate) => candidate.name() === match![1]);
    return { text: withDescription(`Missing <${match[1]}> after ${command.name()}`, argument?.description ?? ''), argument: match[1]! };
  }
  if ((match = /^option '(.+)' argument missing$/.exec(message))) {
    const name = longName(match[1]!);
    return { text: withDescription(`${name} needs a value`, optionDescription(command, match[1]!)), argument: name };
  }
  if ((match = /^required option '(.+)' not specified$/.exec(message))) {
    const name = longName(match[1]!);
    return { text: withDescription(`${command.name()} needs ${name}`, optionDescription(command, match[1]!)), argument: name };
  }
  if ((match = /^unknown option '(.+?)'(.*)$/.exec(message))) {
    return { text: `Unknown option ${match[1]} for ${command.name()}${suggestion(match[2]!)}.`, argument: match[1]! };
  }
  if ((match = /^unknown command '(.+?)'(.*)$/.exec(message))) {
    return { text: `Unknown command "${match[1]}"${suggestion(match[2]!)}.`, argument: match[1]! };
  }
  if ((match = /^too many arguments.*Expected (\d+) arguments? but got (\d+)\.$/.exec(message))) {
    const expected = Number(match[1]);
    const takes = expected === 0 ? 'takes no arguments' : `takes ${expected} argument${expected === 1 ? '' : 's'}`;
    return { text: `Too many arguments: ${command.name()} ${takes}, and was given ${match[2]}.` };
  }
  return { text: `${message.charAt(0).toUpperCase()}${message.slice(1).replace(/\.?$/, '.')}` };
}

/** "--port" from "--port <port>", "--project" from "-p, --project <file>". */
function longName(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[ ,]/)[0]!;
}

/**
 * Prints an error as `sourcebench: …` or, under --json, as one line `{"ok": false, "error": …}`
 * (the API's failure envelope); returns the exit code. `file`: the one file of several it is about.
 */
export function reportError(error: unknown, json: boolean, write: (text: string) => void, file?: string): number {
  const usage = error instanceof UsageError;
  const code = usage ? 'usage' : error instanceof ApiError ? error.code : 'failed';
  const message = error instanceof Error ? error.message : String(error);
  const field = file ?? (usage ? error.argument : error instanceof ApiError ? error.field : undefined);
  write(
    json
      ? `${JSON.stringify({ ok: false, error: { code, message, ...(field !== undefined ? { field } : {}) } })}\n`
      : `sourcebench: ${file !== undefined ? `${file}: ` : ''}${message}\n`,
  );
  return usage ? EXIT.usage : EXIT.failed;
}
