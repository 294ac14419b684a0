/**
 * A benchmark's numeric options: `--kebab-name=N` on the command line, else `BENCH_SNAKE_NAME`, else the default.
 * Unknown flags are refused, so a typo cannot go unnoticed. Each must be an integer of at least 1 unless `minimum` says otherwise.
 */
export function readOptions<T extends Record<string, number>>(defaults: T, minimum: Partial<Record<keyof T, number>> = {}): T {
  const flagName = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const known = Object.keys(defaults).map((name) => `--${flagName(name)}=`);
  const unknown = process.argv.slice(2).filter((arg) => !known.some((flag) => arg.startsWith(flag)));
  if (unknown.length) throw new Error(`unknown arguments ${unknown.join(' ')}; known: ${known.map((flag) => `${flag}N`).join(' ')}`);
  const options: Record<string, number> = { ...defaults };
  for (const name of Object.keys(defaults)) {
    const flag = `--${flagName(name)}=`;
    const variable = `BENCH_${flagName(name).replace(/-/g, '_').toUpperCase()}`;
    const raw = process.argv.find((arg) => arg.startsWith(flag))?.slice(flag.length) ?? process.env[variable];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    const least = minimum[name] ?? 1;
    if (!Number.isInteger(value) || value < least) throw new Error(`${flag}N / ${variable} must be an integer of at least ${least}, got "${raw}"`);
    options[name] = value;
  }
  return options as T;
}
