import * as fs from 'fs';
import * as path from 'path';

/** Decodes quoted-printable (soft line breaks and =XX escapes) into UTF-8 text. */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The raw messages the SMTP server (aiosmtpd) received for one recipient about one meeting
 * (its Message-ID names the meeting), oldest first. */
export function messagesTo(recipient: string, meetingId: string): string[] {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set (scripts/test.sh sets it)');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    .filter((raw) => {
      const headers = raw.split('\r\n\r\n')[0];
      return headers.includes(`<${recipient}>`) && new RegExp(`Message-ID: <[^>]*\\.m${meetingId}@`).test(headers);
    });
}

/** The answer link of the given kind in a message's text part. */
export function answerLink(raw: string, answer: 'accepted' | 'tentative' | 'declined'): string {
  const match = decodeQuotedPrintable(raw).match(new RegExp(`https?://[^\\s"<>]+/rsvp/[^\\s"<>?]+\\?answer=${answer}`));
  if (!match) throw new Error('no answer link in the message');
  return match[0];
}

/** The raw notices (sign-in link, welcome, changed address) the SMTP server received for one
 * recipient, oldest first; a notice's Message-ID names its kind. */
export function noticesTo(recipient: string, kind: 'sign_in_link' | 'reset' | 'welcome' | 'address_changed'): string[] {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set (scripts/test.sh sets it)');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    .filter((raw) => {
      const headers = raw.split('\r\n\r\n')[0];
      return headers.includes(`<${recipient}>`) && new RegExp(`Message-ID: <[^>]*\\.${kind}@`).test(headers);
    });
}

/** The mailed link (`/link/<token>`) in a notice, whichever transfer encoding its text got. */
export function mailedLink(raw: string): string {
  const pattern = /https?:\/\/[^\s"<>]+\/link\/[0-9a-f]{64}/;
  const plain = decodeQuotedPrintable(raw).match(pattern);
  if (plain) return plain[0];
  for (const block of raw.split(/\r\n\r\n/)) {
    const candidate = block.split('\r\n--')[0].replace(/\r\n/g, '');
    if (/^[A-Za-z0-9+/=]+$/.test(candidate)) {
      const decoded = Buffer.from(candidate, 'base64').toString('utf8').match(pattern);
      if (decoded) return decoded[0];
    }
  }
  throw new Error('no link in the message');
}
