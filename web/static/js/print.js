// A button that prints the page (the page's print styles show only the letter).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
