import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretsCipher } from './secrets-cipher.js';

describe('the secrets cipher', () => {
  it('round-trips, with a fresh IV each time and no clear text', () => {
    const cipher = createSecretsCipher(randomBytes(32));
    const secrets = { token: 'ghp_supersecret', other: 'ünïcode' };
    const a = cipher.encrypt(secrets);
    const b = cipher.encrypt(secrets);
    expect(a).not.toBe(b);
    expect(a).not.toContain('supersecret');
    expect(cipher.decrypt(a)).toEqual(secrets);
  });

  it('refuses a ciphertext of another key, naming the setting, and a tampered one', () => {
    const stored = createSecretsCipher(randomBytes(32)).encrypt({ token: 'x' });
    expect(() => createSecretsCipher(randomBytes(32)).decrypt(stored)).toThrow(/scaffolder\.secretsKey/);
    const key = randomBytes(32);
    const cipher = createSecretsCipher(key);
    const parts = cipher.encrypt({ token: 'abcdefgh' }).split(':');
    const data = Buffer.from(parts[4]!, 'base64');
    data[0] = (data[0] ?? 0) ^ 1;
    parts[4] = data.toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });
});
