import { describe, expect, it } from 'vitest';
import { captureIo } from './cli.test-helpers.ts';
import { runCli } from './run.ts';

describe('runCli', () => {
  it('prints the usage for help, with exit 0', async () => {
    const io = captureIo();
    expect(await runCli(['help'], {}, io)).toBe(0);
    expect(io.stdout()).toContain('Usage: guildhall <command>');
    for (const c of ['serve', 'migrate', 'seed', 'admin create']) expect(io.stdout()).toContain(c);
  });

  it('answers an unknown command with the usage and exit 2', async () => {
    const io = captureIo();
    expect(await runCli(['frobnicate'], {}, io)).toBe(2);
    expect(io.stderr()).toContain('unknown command "frobnicate"');
    expect(io.stderr()).toContain('Usage: guildhall <command>');
  });

  it('stops on a bad configuration value with one line naming the variable and exit 2', async () => {
    const io = captureIo();
    expect(await runCli(['migrate'], { PORT: 'abc' }, io)).toBe(2);
    expect(io.stderr()).toMatch(/^guildhall: PORT [^\n]*\n$/);
    expect(io.stdout()).toBe('');
  });

  it('rejects arguments a command does not take, with exit 2', async () => {
    const io = captureIo();
    expect(await runCli(['seed', 'now'], { LOG_LEVEL: 'silent' }, io)).toBe(2);
    expect(io.stderr()).toContain('unexpected argument "now"');
  });
});
