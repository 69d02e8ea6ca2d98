// The kb curate page: keyboard-driven review of a draft (j/k, a, r, e, u, s).
"use strict";
(function () {
  const events = JSON.parse(document.getElementById("draft-events").textContent);
  const token = document.querySelector('meta[name="curate-token"]').content;
  const items = Array.from(document.querySelectorAll("#events .event"));
  const pieces = Array.from(document.querySelectorAll("#article .piece"));
  const status = document.getElementById("status");
  const editor = document.getElementById("editor");
  const form = document.getElementById("edit-form");
  let decisions = events.map(() => ({ state: "pending", edits: {} }));
  const history = [];
  let current = 0;

  function listed(value) { return value ? value.split(" ").map(Number) : []; }

  function say(message, error) {
    status.textContent = message;
    status.classList.toggle("error", Boolean(error));
  }

  // Undo goes back to the decisions and to the event as they were before the last change.
  function remember() { history.push(JSON.stringify({ decisions: decisions, current: current })); }

  function actorsOf(index) {
    const edits = decisions[index].edits;
    return edits.actors || events[index].actors || [];
  }

  function render() {
    items.forEach((item, index) => {
      const decision = decisions[index];
      item.classList.remove("pending", "accepted", "rejected");
      item.classList.add(decision.state);
      item.classList.toggle("selected", index === current);
      item.querySelector(".state").textContent = decision.state;
      const edits = decision.edits;
      if (edits.type) item.querySelector(".type").textContent = edits.type;
      if (edits.edtf) item.querySelector(".date").textContent = edits.edtf;
      item.querySelector(".actors").textContent = actorsOf(index)
        .map((a) => `${a.actor} (${a.role})`).join(", ");
    });
    pieces.forEach((piece) => {
      piece.classList.toggle("current", listed(piece.dataset.sentence).includes(current));
      piece.classList.toggle("cue", listed(piece.dataset.cue).includes(current));
      piece.classList.toggle("date", listed(piece.dataset.date).includes(current));
    });
    const item = items[current];
    if (item) item.scrollIntoView({ block: "nearest" });
    const mark = pieces.find((piece) => piece.classList.contains("current"));
    if (mark) mark.scrollIntoView({ block: "nearest" });
  }

  function decide(state) {
    if (!items.length) return;
    remember();
    decisions[current].state = state;
    if (current < items.length - 1) current += 1;
    render();
  }

  function openEditor() {
    if (!items.length) return;
    const event = events[current];
    const edits = decisions[current].edits;
    document.getElementById("edit-id").textContent = event.id;
    form.elements.type.value = edits.type || event.type;
    form.elements.date_text.value = edits.date_text || event.date.text;
    form.elements.edtf.value = edits.edtf || event.date.edtf;
    form.elements.actors.value = actorsOf(current).map((a) => `${a.actor} ${a.role}`).join("\n");
    const known = (event.draft && event.draft.likely_known) || [];
    form.elements.repeats.value = (edits.repeats || event.repeats || []).join(", ");
    form.elements.repeats.placeholder = known.join(", ");
    editor.showModal();
    form.elements.type.focus();
  }

  function applyEdits() {
    remember();
    const actors = form.elements.actors.value.split("\n").map((line) => line.trim())
      .filter(Boolean).map((line) => {
        const [actor, role] = line.split(/\s+/);
        return { actor: actor || "", role: role || "" };
      });
    decisions[current] = {
      state: "accepted",
      edits: {
        type: form.elements.type.value,
        date_text: form.elements.date_text.value,
        edtf: form.elements.edtf.value,
        actors: actors,
        repeats: form.elements.repeats.value.split(",").map((v) => v.trim()).filter(Boolean),
      },
    };
    editor.close();
    render();
  }

  async function save() {
    say("saving ...");
    try {
      const response = await fetch("save", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token: token, decisions: decisions }),
      });
      const answer = await response.json();
      if (answer.ok) say(`saved ${answer.events} events to ${answer.path}`);
      else say(`not saved: ${answer.error}`, true);
    } catch (err) {
      say(`not saved: ${err}`, true);
    }
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); applyEdits(); });
  document.getElementById("edit-cancel").addEventListener("click", () => editor.close());
  items.forEach((item, index) => item.addEventListener("click", () => {
    current = index;
    render();
  }));
  document.addEventListener("keydown", (event) => {
    if (editor.open || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (key === "j") { current = Math.min(current + 1, items.length - 1); render(); }
    else if (key === "k") { current = Math.max(current - 1, 0); render(); }
    else if (key === "a") decide("accepted");
    else if (key === "r") decide("rejected");
    else if (key === "e") { event.preventDefault(); openEditor(); }
    else if (key === "u") {
      if (history.length) {
        const before = JSON.parse(history.pop());
        decisions = before.decisions;
        current = before.current;
        render();
        say("undone");
      }
      else say("nothing to undo");
    }
    else if (key === "s") save();
  });
  render();
})();
