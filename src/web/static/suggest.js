// Type-ahead for a search box marked data-suggest: the names of public products and producers that
// start with what has been typed, or it with its last word completed, from /api/v1/search/suggest,
// offered through the box's <datalist>.
// Without this script the box is a plain search field.
for (const input of document.querySelectorAll('input[data-suggest]')) {
  const list = document.getElementById(input.getAttribute('list'));
  if (!list) continue;
  let timer;
  let shown = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // A pause in typing, not every key, asks the server.
    timer = setTimeout(async () => {
      const typed = input.value.trim();
      if (typed === shown) return;
      if (!typed) {
        shown = '';
        list.replaceChildren();
        return;
      }
      try {
        const res = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(typed)}`);
        // An answer that arrives after more typing is not the one asked for now.
        if (!res.ok || input.value.trim() !== typed) return;
        const { items } = await res.json();
        shown = typed;
        list.replaceChildren(
          ...items
            .filter((name) => name !== typed)
            .map((name) => Object.assign(document.createElement('option'), { value: name })),
        );
      } catch {
        // Offline or refused: the box still searches when submitted.
      }
    }, 150);
  });
}
