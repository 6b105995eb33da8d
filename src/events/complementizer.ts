/**
 * أن and إن ("that"), which open a clause told as said (قال إن …، ذكرت أن …): one definition for
 * the rules that look for them.
 */
import type { Token } from '../core/document.js';

/** أن/إن, normalised, as a stem (بأن، وإن). */
export const THAT = 'ان';
/** أن/إن as written with a glued ب or a pronoun (بأن، أنه، أنها، أنهم), normalised. */
const THAT_FORMS = /^ب?ان(ه|ها|هم|هما)?$/;

/** Whether a token is written أن or إن, alone, after ب or with a pronoun. */
export function isThat(token: Token): boolean {
  return THAT_FORMS.test(token.norm);
}
