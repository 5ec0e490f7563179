/** The saved form of an attempt (defined beside the session machine that writes it). */
export { SAVE_VERSION, type Attempt, type Checkpoint } from '../session/save-form.ts';
