import { createHash, randomBytes } from 'node:crypto';

/** A secret for a session, an invitation or a password reset: 256 random bits, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url');

/** Only this is stored, so a leaked table gives no usable tokens. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
