// The review queue by keyboard: j / k (or arrows) move, x selects, Enter opens, c claims the
// current item, n claims the next one, a / b allow / block the selected items (a note first),
// / searches.
 const rows = [...document.querySelectorAll("#queue tr[data-href]")]; let at = 0;
 const bulk = document.getElementById("bulk"), note = document.getElementById("bulk-note");
 const count = () => { document.getElementById("selected-count").textContent = `${[...bulk.elements].filter((b) => b.name === "ids" && b.checked).length} selected`; };
 const mark = () => rows.forEach((r, i) => { r.classList.toggle("sel", i === at); if (i === at) r.setAttribute("aria-current", "true"); else r.removeAttribute("aria-current"); });
 mark();
 document.querySelectorAll("#queue input[name=ids]").forEach((box) => box.addEventListener("change", count));
 const decide = (value) => {
  const button = bulk.querySelector(`button[value=${value}]`);
  if (!note.value.trim()) { note.focus(); note.dataset.pending = value; return; }
  bulk.requestSubmit(button);
 };
 document.addEventListener("keydown", (e) => {
  if (e.target.closest("input[type=text], input[type=search], input[type=number], textarea, select")) {
   if (e.target === note && e.key === "Enter" && note.dataset.pending && note.value.trim()) {
    e.preventDefault(); decide(note.dataset.pending);
   }
   if (e.key === "Escape") e.target.blur();
   return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const row = rows[at];
  if (e.key === "j" || e.key === "ArrowDown") { at = Math.min(at + 1, rows.length - 1); mark(); e.preventDefault(); }
  else if (e.key === "k" || e.key === "ArrowUp") { at = Math.max(at - 1, 0); mark(); e.preventDefault(); }
  else if (e.key === "x" && row) { const box = row.querySelector("input[name=ids]"); if (!box.disabled) { box.checked = !box.checked; count(); } }
  else if (e.key === "Enter" && row && !e.target.closest("a, button")) location = row.dataset.href;
  else if (e.key === "c" && row) { const b = row.querySelector("button[form=claim-form]"); if (b) b.click(); }
  else if (e.key === "n") document.getElementById("next-form").requestSubmit();
  else if (e.key === "a" || e.key === "b") decide(e.key === "a" ? "allow" : "block");
  else if (e.key === "/") { e.preventDefault(); document.getElementById("f-q").focus(); }
 });
