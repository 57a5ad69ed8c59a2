import { decodeJwt, decodeProtectedHeader, type JWK, type JWTPayload, SignJWT } from 'jose';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The header and claims of a token, decoded without verifying it. */
export function decodeToken(token: string): { header: Record<string, unknown>; payload: JWTPayload } {
  return { header: { ...decodeProtectedHeader(token) }, payload: decodeJwt(token) };
}

/** Signs header and payload with `key` (any algorithm jose knows). */
export async function signToken(
  header: Record<string, unknown>,
  payload: JWTPayload,
  key: CryptoKey | Uint8Array,
): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ ...header, alg: String(header.alg) }).sign(key);
}

/** An unsigned token (`alg: none`). */
export function unsignedToken(header: Record<string, unknown>, payload: JWTPayload): string {
  return `${base64url({ ...header, alg: 'none' })}.${base64url(payload)}.`;
}

/** Replaces claims in a token and keeps its original signature (which no longer matches). */
export function tamperedToken(token: string, claims: JWTPayload): string {
  const [header, payload, signature] = token.split('.');
  const changed = {
    ...(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as JWTPayload),
    ...claims,
  };
  return `${header}.${base64url(changed)}.${signature}`;
}

/** A public JWK in the forms an attacker would try as an HMAC secret. */
export async function publicKeyAsSecrets(jwk: JWK): Promise<Uint8Array[]> {
  const key = (await crypto.subtle.importKey(
    'jwk',
    jwk as JsonWebKey,
    { name: 'ECDSA', namedCurve: 'P-256' },
    true,
    ['verify'],
  )) as CryptoKey;
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', key)).toString('base64');
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)?.join('\n')}\n-----END PUBLIC KEY-----\n`;
  const encode = (text: string) => new TextEncoder().encode(text);
  return [encode(pem), encode(JSON.stringify(jwk)), encode(`${jwk.x}${jwk.y}`)];
}
