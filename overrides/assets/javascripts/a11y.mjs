// Accessibility mends for the parts of Material's chrome that its own scripts build, on every
// page (loaded from overrides/main.html).
//
// Material puts each code block's copy button in a <nav> without a name, so a page with several
// code blocks has as many navigation landmarks, all alike (axe: landmark-unique). They hold one
// button each and navigate nowhere: they are not landmarks. Blocks are added on the first page
// and after every instant navigation, hence the observer.

/** Code-block button bars that are still announced as navigation. */
const CODE_NAVS = "nav.md-code__nav:not([role])";

function mend() {
  for (const nav of document.querySelectorAll(CODE_NAVS)) nav.setAttribute("role", "none");
}

mend();
new MutationObserver(() => {
  if (document.querySelector(CODE_NAVS)) mend();
}).observe(document.documentElement, { childList: true, subtree: true });
