import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');

/** Last line of defence: an error outside any component still shows a message, not a blank page. */
function showFatal(error: unknown): void {
  if (document.querySelector('[data-error]')) return;
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.setAttribute('data-error', 'fatal');
  box.className = 'notice notice-error fatal';
  const heading = document.createElement('h2');
  heading.textContent = 'Something went wrong';
  const text = document.createElement('p');
  text.textContent = `The simulator hit an unexpected problem: ${error instanceof Error ? error.message : String(error)}. Reload the page to continue; your attempt is saved after every step.`;
  box.append(heading, text);
  document.body.prepend(box);
}

addEventListener('error', (event) => showFatal(event.error ?? event.message));
addEventListener('unhandledrejection', (event) => showFatal(event.reason));

try {
  mount(App, { target });
} catch (error) {
  showFatal(error);
}

// Results (attempt history, xAPI / LMS reporting, offline use) start beside the player, lazily.
void import('./results/boot.ts')
  .then((m) => m.startResults())
  .catch((error: unknown) => console.error('The results features could not start:', error));
