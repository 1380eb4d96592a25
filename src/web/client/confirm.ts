/// <reference lib="dom" />
/**
 * Forms marked `data-confirm="question"` (terminating an instance, deleting) ask before they are sent; the page
 * works the same without scripts, only without the question.
 */
document.addEventListener('submit', (event) => {
  const form = event.target instanceof HTMLFormElement ? event.target : null;
  const question = form?.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
