/* The palette toggle (system setting, light, dark), in place of Material's palette component.
   overrides/partials/palette.html is Material's toggle, marked data-guide-palette so that Material's
   bundle leaves it alone. At start-up Material's component applied again the palette the page
   already had (overrides/partials/javascripts/palette.html applies it before the first paint),
   marked the page as switching and measured the header: two restyles of the whole page, blocking a
   phone's main thread for 50-80 ms (Lighthouse). This does what it did, but at start-up it only
   shows the right button and changes nothing that is already right.
   Same storage (Material's __md_get/__md_set, key "__palette") and the same <body> attributes, so a
   reader's stored choice, Material's colours and its "switching" rule (no transitions while the
   colours change) work as before. Without JavaScript the toggle stays hidden, as with Material.
   Checked in Chromium by tests/test_palette.py. */
(() => {
  const form = document.querySelector("[data-guide-palette]");
  if (!form) return;
  const inputs = [...form.querySelectorAll("input")];
  const light = matchMedia("(prefers-color-scheme: light)");
  const SYSTEM = "(prefers-color-scheme)";
  const themeColor = Object.assign(document.createElement("meta"), { name: "theme-color" });
  const colorScheme = Object.assign(document.createElement("meta"), { name: "color-scheme" });
  document.head.append(themeColor, colorScheme);

  // Material's choice on a first visit: the first option whose media query matches.
  const stored = __md_get("__palette");
  let index = stored ? stored.index : inputs.findIndex((input) => matchMedia(input.dataset.mdColorMedia).matches);
  index = Math.max(0, Math.min(index, inputs.length - 1));

  // An option's colours; the system option takes the light or dark option's, as the system is now.
  function colours(input) {
    const media = input.dataset.mdColorMedia;
    const source = media !== SYSTEM ? input : form.querySelector(
      `[data-md-color-media='(prefers-color-scheme: ${light.matches ? "light" : "dark"})']`);
    const { mdColorScheme: scheme, mdColorPrimary: primary, mdColorAccent: accent } = source.dataset;
    return { media, scheme, primary, accent };
  }

  // The browser's bar takes the header's colour (Android); read once the page has its styles.
  function updateMeta() {
    const style = getComputedStyle(document.querySelector("[data-md-component=header]"));
    colorScheme.content = style.colorScheme;
    themeColor.content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3)
      .map((value) => (+value).toString(16).padStart(2, "0")).join("");
  }

  // Only the button of the current option shows; it switches to the next option.
  function showButton() {
    inputs.forEach((input, at) => {
      const label = input.nextElementSibling;
      if (label instanceof HTMLElement) label.hidden = at !== index;
    });
  }

  function apply() {
    const color = colours(inputs[index]);
    const body = document.body;
    const changed = ["scheme", "primary", "accent"].some((key) => body.getAttribute(`data-md-color-${key}`) !== color[key]);
    if (changed) {
      body.setAttribute("data-md-color-switching", ""); // Material's CSS: no transitions while colours change
      for (const [key, value] of Object.entries(color)) body.setAttribute(`data-md-color-${key}`, value);
      setTimeout(() => body.removeAttribute("data-md-color-switching"));
      updateMeta();
    }
    showButton();
    __md_set("__palette", { index, color });
  }

  inputs.forEach((input, at) => input.addEventListener("change", () => { index = at; apply(); }));
  // Enter on the toggle moves to the next option, as in Material (Space checks a radio button natively).
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const next = inputs[(index + 1) % inputs.length];
    next.click();
    next.focus();
  });
  // The system option follows the system live.
  light.addEventListener("change", () => { if (inputs[index].dataset.mdColorMedia === SYSTEM) apply(); });

  apply(); // usually changes nothing: the inline script already applied the palette
  (window.requestIdleCallback || setTimeout)(updateMeta);
})();
