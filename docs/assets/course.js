// Material puts each code block's copy button in its own unnamed <nav>: 20-odd landmarks on a lesson page
// for screen readers to wade through. They are buttons, not navigation.
new MutationObserver(() => {
  for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) nav.setAttribute("role", "none")
}).observe(document.body, { childList: true, subtree: true })
