// The review queue: j / k move, Enter opens, n opens the first item.
 const rows = [...document.querySelectorAll("#queue tr[data-href]")]; let at = 0;
 const mark = () => rows.forEach((r, i) => r.classList.toggle("sel", i === at)); mark();
 document.addEventListener("keydown", (e) => {
  if (e.target.closest("input, textarea, select")) return;
  if (e.key === "j") { at = Math.min(at + 1, rows.length - 1); mark(); }
  if (e.key === "k") { at = Math.max(at - 1, 0); mark(); }
  if ((e.key === "Enter" || e.key === "n") && rows.length) location = (e.key === "n" ? rows[0] : rows[at]).dataset.href;
 });
