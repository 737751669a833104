// The listing page: a / b decide (after a note), n claims and opens the next item, c claims
// this one, r releases it.
 const submit = (id) => { const f = document.getElementById(id); if (f) f.requestSubmit(); };
 document.addEventListener("keydown", (e) => {
  const form = document.getElementById("decide"), note = document.getElementById("note");
  if (e.target === note && e.key !== "Escape") return;
  if (e.key === "Escape" && e.target === note) { note.blur(); return; }
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest("input, select")) return;
  if ((e.key === "a" || e.key === "b") && form) {
   e.preventDefault();
   const button = form.querySelector(`button[value=${e.key === "a" ? "allow" : "block"}]`);
   if (!note.value.trim()) { note.focus(); note.dataset.pending = button.value; return; }
   form.requestSubmit(button);
  }
  if (e.key === "n") submit("next-form");
  if (e.key === "c") submit("claim-form");
  if (e.key === "r") submit("release-form");
 });
 const note = document.getElementById("note");
 if (note) note.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && note.dataset.pending) {
   e.preventDefault();
   document.getElementById("decide").requestSubmit(document.querySelector(`button[value=${note.dataset.pending}]`));
  }
 });
