/**
 * The little interaction a trial page has: a copy-link button on every section heading, the
 * "Copy permalink" and "Copy citation" buttons, and the add-to-compare slots. Everything works
 * without it; it only adds buttons.
 */
import { enhanceCompareSlots } from './compare-store.ts';

const status = document.querySelector<HTMLElement>('[data-copy-status]');

async function copy(text: string, done: string, fallback: () => void): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = done;
  } catch {
    fallback();
  }
}

// a copy-link button for every section heading
const template = document.querySelector<HTMLTemplateElement>('template[data-copy-button]');
for (const heading of document.querySelectorAll<HTMLElement>('[data-copy-heading][id]')) {
  if (!template) break;
  const button = (template.content.firstElementChild as HTMLButtonElement).cloneNode(true) as HTMLButtonElement;
  const id = heading.id;
  button.dataset.copyLink = id;
  heading.append(button);
  button.addEventListener('click', () => {
    const url = `${location.origin}${location.pathname}#${id}`;
    void copy(url, `Link copied: ${url}`, () => {
      history.replaceState(null, '', `#${id}`);
      if (status) status.textContent = 'Copying is not allowed here; the link is in the address bar.';
    }).then(() => {
      button.dataset.copied = 'true';
      setTimeout(() => delete button.dataset.copied, 1500);
    });
  });
}

// the permalink of the trial
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-permalink]')) {
  const url = button.dataset.copyPermalink!;
  button.hidden = false;
  button.addEventListener('click', () => {
    void copy(url, `Permalink copied: ${url}`, () => {
      if (status) status.textContent = `Copying is not allowed here; the permalink is ${url}`;
    }).then(() => {
      button.textContent = 'Permalink copied';
      setTimeout(() => (button.textContent = 'Copy permalink'), 2000);
    });
  });
}

// the citation text
const citeButton = document.querySelector<HTMLButtonElement>('[data-copy-citation]');
const citation = document.querySelector('[data-citation]')?.textContent ?? '';
if (citeButton && citation) {
  citeButton.hidden = false;
  citeButton.addEventListener('click', () => {
    void copy(citation, 'Citation copied', () => (citeButton.textContent = 'Select the text above to copy')).then(() => {
      if (citeButton.textContent === 'Copy citation') citeButton.textContent = 'Copied';
      setTimeout(() => (citeButton.textContent = 'Copy citation'), 2000);
    });
  });
}

enhanceCompareSlots();
