// Kodprov's code editor: CodeMirror 6 on top of a plain <textarea>, which stays the source of
// truth for forms and drafts. Keyboard users leave the editor with Escape, then Tab.
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, Compartment } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { sql } from "@codemirror/lang-sql";
import { html } from "@codemirror/lang-html";
import { css } from "@codemirror/lang-css";

const LANGUAGES = { python, sql, html, css };

export function mount(textarea, options = {}) {
  const language = LANGUAGES[options.language];
  const fontSize = new Compartment();
  const holder = document.createElement("div");
  textarea.parentNode.insertBefore(holder, textarea);
  const view = new EditorView({
    parent: holder,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        basicSetup,
        keymap.of([indentWithTab]),
        language ? language() : [],
        fontSize.of(EditorView.theme({ "&": { fontSize: (options.fontSize || 18) + "px" } })),
        EditorView.contentAttributes.of({
          "aria-label": options.label || textarea.getAttribute("aria-label") || "Code",
          "aria-describedby": textarea.getAttribute("aria-describedby") || "",
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            textarea.value = update.state.doc.toString();
            textarea.dispatchEvent(new Event("input", { bubbles: true }));
          }
          if (update.focusChanged && !update.view.hasFocus) {
            textarea.dispatchEvent(new Event("blur"));
          }
        }),
      ],
    }),
  });
  textarea.hidden = true;
  return {
    view,
    setFontSize(px) {
      view.dispatch({ effects: fontSize.reconfigure(EditorView.theme({ "&": { fontSize: px + "px" } })) });
    },
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
  };
}
