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
// - a table or block that scrolls sideways becomes a named, focusable region, so that keyboard
//   users can scroll it too (browsers without native keyboard-scrollable regions need this).
function markScrollers() {
  for (const el of document.querySelectorAll(".table-wrap, pre, main section:has(> table)")) {
    if (!(el instanceof HTMLElement)) continue;
    if (el.scrollWidth <= el.clientWidth + 1 || el.querySelector("a, button, input, select")) {
      if (el.dataset.scroller === "1") {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        delete el.dataset.scroller;
      }
      continue;
    }
    if (el.hasAttribute("tabindex")) continue;
    if (el.tagName === "SECTION") {
      el.tabIndex = 0;
      el.dataset.scroller = "1";
      continue;
    }
    const caption = el.querySelector("caption");
    const heading = el.previousElementSibling;
    const name = (caption ?? (heading && /^H[1-6]$/.test(heading.tagName) ? heading : null))?.textContent;
    el.tabIndex = 0;
    el.dataset.scroller = "1";
    if (name) {
      el.setAttribute("role", "region");
      el.setAttribute("aria-label", name.trim());
    }
  }
}
markScrollers();
window.addEventListener("resize", markScrollers);
// - the phone menu: the "Menu" link (which opens #site-menu through :target without JavaScript)
//   becomes a button that opens and closes the menu in place, and Escape closes it.
const menuToggle = document.querySelector(".menu-toggle");
const siteMenu = document.getElementById("site-menu");
if (menuToggle instanceof HTMLElement && siteMenu) {
  menuToggle.setAttribute("role", "button");
  menuToggle.setAttribute("aria-expanded", "false");
  const setOpen = (open) => {
    siteMenu.classList.toggle("is-open", open);
    menuToggle.setAttribute("aria-expanded", String(open));
  };
  if (location.hash === "#site-menu") {
    window.history.replaceState(null, "", location.pathname + location.search);
    setOpen(true);
  }
  menuToggle.addEventListener("click", (event) => {
    event.preventDefault();
    setOpen(!siteMenu.classList.contains("is-open"));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && siteMenu.classList.contains("is-open")) {
      setOpen(false);
      menuToggle.focus();
    }
  });
}
// - a disclosure marked data-open-wide="64rem" (the finder's filters) starts open on a screen
//   at least that wide, where there is room for it beside the results.
for (const details of document.querySelectorAll("details[data-open-wide]")) {
  if (!(details instanceof HTMLElement) || details.tagName !== "DETAILS") continue;
  if (window.matchMedia(`(min-width: ${details.dataset.openWide})`).matches) details.setAttribute("open", "");
}
