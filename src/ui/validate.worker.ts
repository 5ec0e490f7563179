/**
 * Validates scenario text off the main thread, so opening a scenario never blocks the page.
 * Receives the file text; replies with the engine's ValidationResult.
 */
import { validate } from '../engine/index.ts';

self.onmessage = (event: MessageEvent<string>) => {
  self.postMessage(validate(event.data));
};
