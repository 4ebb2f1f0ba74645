/**
 * A password for a CLI command: typed at the terminal without echo (asked twice), or read from
 * standard input with `--password-stdin` (scripts: `printf '%s' "$PW" | npm run fysio -- …`).
 * Never from an option: those end up in the shell's history and the process list.
 */
export async function readPassword(options: { fromStdin: boolean }): Promise<string> {
  if (options.fromStdin) return readAllStdin();
  if (!process.stdin.isTTY) {
    throw new Error('adgangskoden skal skrives i en terminal; brug --password-stdin for at sende den fra et script');
  }
  const first = await promptHidden('Adgangskode: ');
  const again = await promptHidden('Gentag adgangskoden: ');
  if (first !== again) throw new Error('de to adgangskoder er ikke ens');
  return first;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  // One trailing line break is the end of the line, not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Reads one line from the terminal in raw mode, showing nothing of what is typed. */
function promptHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new Error('afbrudt'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    // Echo off before the prompt shows: whatever is typed after it is never displayed.
    input.setRawMode(true);
    process.stderr.write(prompt);
    input.resume();
    input.on('data', onData);
  });
}
