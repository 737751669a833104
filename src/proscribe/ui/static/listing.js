// The listing page: a / b decide (after a note), n opens the next item.
 document.addEventListener("keydown", (e) => {
  const form = document.getElementById("decide"), note = document.getElementById("note");
  if (e.target === note && e.key !== "Escape") return;
  if ((e.key === "a" || e.key === "b") && form) {
   e.preventDefault();
   const button = form.querySelector(`button[value=${e.key === "a" ? "allow" : "block"}]`);
   if (!note.value.trim()) { note.focus(); note.dataset.pending = button.value; return; }
   form.requestSubmit(button);
  }
  if (e.key === "n" && document.getElementById("next")) location = document.getElementById("next").href;
 });
 const note = document.getElementById("note");
 if (note) note.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && note.dataset.pending) {
   e.preventDefault();
   document.getElementById("decide").requestSubmit(document.querySelector(`button[value=${note.dataset.pending}]`));
  }
 });
