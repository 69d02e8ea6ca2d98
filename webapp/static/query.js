// The query page: Ctrl+Enter runs, Tab indents, the parser's error position is selected, and a named
// query's own text stays out of the URL (only its name and parameters are shared).
(function () {
  "use strict";
  var form = document.getElementById("kbq-form");
  var editor = document.getElementById("kbq-editor");
  if (!form || !editor) {
    return;
  }

  function normalised(text) {
    return text.replace(/\r\n/g, "\n").trim();
  }

  form.addEventListener("submit", function () {
    var original = editor.getAttribute("data-original");
    if (original && normalised(editor.value) === normalised(original)) {
      editor.disabled = true; // a disabled field is not sent: the URL keeps name= and param.*
      window.setTimeout(function () { editor.disabled = false; }, 0);
    }
  });

  // Tab indents, as in a code editor; Esc then Tab leaves the editor (as CodeMirror does), so the
  // keyboard is never trapped in it.
  var escaped = false;
  editor.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      escaped = true;
      return;
    }
    if (event.key === "Tab" && escaped) {
      escaped = false;
      return;
    }
    if (event.key !== "Shift") {
      escaped = false;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (typeof form.requestSubmit === "function") {
        form.requestSubmit();
      } else {
        form.submit();
      }
    } else if (event.key === "Tab" && !event.shiftKey) {
      event.preventDefault();
      var start = editor.selectionStart;
      editor.setRangeText("  ", start, editor.selectionEnd, "end");
    }
  });

  var line = parseInt(editor.getAttribute("data-error-line") || "", 10);
  if (line > 0) {
    var column = parseInt(editor.getAttribute("data-error-column") || "1", 10);
    var lines = editor.value.split("\n");
    var offset = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i += 1) {
      offset += lines[i].length + 1;
    }
    var here = lines[line - 1] || "";
    var at = offset + Math.min(Math.max(column - 1, 0), here.length);
    editor.focus();
    editor.setSelectionRange(offset, offset + here.length);
    var lineHeight = editor.scrollHeight / Math.max(lines.length, 1);
    editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
    editor.setAttribute("data-error-offset", String(at));
  }
})();
