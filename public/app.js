// Progressive enhancement only: every page works without this file.
// - forms marked data-autosubmit re-submit when a filter changes;
// - buttons marked data-confirm ask before a destructive action.
document.addEventListener("change", (event) => {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return;
  const form = target.closest("form[data-autosubmit]");
  if (form instanceof HTMLFormElement) form.requestSubmit();
});
document.addEventListener("submit", (event) => {
  const submitter = event.submitter;
  const message = submitter instanceof HTMLElement ? submitter.dataset.confirm : undefined;
  if (message && !window.confirm(message)) event.preventDefault();
});
