// Tells the backend its first screen is drawn: two animation frames after
// the page is shown, as the app does after its first screen (ui/src/main.ts).
requestAnimationFrame(() =>
  requestAnimationFrame(() => void window.__TAURI_INTERNALS__.invoke("first_screen_drawn")),
);
