/**
 * Text from inputs shown in one-line messages: control bytes (a NUL, an escape sequence, a line
 * break) and bidi controls would corrupt or reorder the terminal line, so they are shown escaped.
 */

// Cc (C0, DEL, C1), and the bidi marks, embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with every control and bidi character written as \xNN or \uNNNN. */
export function escapeControls(s: string): string {
  return s.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Input text shown among other text (a title in a list, a link): without its bidi controls, an
 * override or an unclosed embedding in one title would reorder what is shown after it.
 */
export function withoutBidiControls(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}

/**
 * A URL to show and link: invisible characters (bidi controls, zero-width ones), control
 * characters and spaces percent-encoded, as a browser would send them, so that what is shown is
 * all the URL holds and the link goes where it says.
 */
export function visibleUrl(url: string): string {
  return url.replace(/[\p{Cf}\p{Cc}\p{Z}]/gu, (c) => encodeURIComponent(c));
}
