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
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

const LANGUAGES = { python, sql, html, css };
// CodeMirror puts its styles in a <style> element; the page's Content-Security-Policy lets it
// in only with the nonce the server gave this script's own <script> tag.
const NONCE = (document.currentScript && document.currentScript.nonce) || "";

// Colours with at least 4.5:1 contrast on white, on the active line and on the selection
// (CodeMirror's defaults go down to 3.5:1).
const readableColours = HighlightStyle.define([
  { tag: [t.keyword, t.tagName, t.operatorKeyword, t.controlKeyword], color: "#7a0a88" },
  { tag: [t.atom, t.bool, t.null, t.url, t.contentSeparator, t.labelName], color: "#1a3d99" },
  { tag: [t.number, t.literal], color: "#116633" },
  { tag: [t.definition(t.variableName), t.function(t.definition(t.variableName))], color: "#0033cc" },
  { tag: [t.local(t.variableName), t.special(t.variableName)], color: "#004f80" },
  { tag: [t.typeName, t.namespace, t.className], color: "#006b44" },
  { tag: [t.string, t.deleted], color: "#a31515" },
  { tag: [t.regexp, t.escape, t.special(t.string), t.attributeValue], color: "#9a3400" },
  { tag: [t.attributeName, t.propertyName], color: "#8a3a00" },
  { tag: t.comment, color: "#5c5c5c", fontStyle: "italic" },
  { tag: t.meta, color: "#555555" },
  { tag: t.invalid, color: "#c00000" },
  { tag: t.heading, fontWeight: "bold" },
  { tag: t.emphasis, fontStyle: "italic" },
  { tag: t.strong, fontWeight: "bold" },
  { tag: t.link, textDecoration: "underline" },
]);

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
        NONCE ? EditorView.cspNonce.of(NONCE) : [],
        syntaxHighlighting(readableColours),
        // long lines wrap: no sideways scrolling at large text sizes, and no scroll region
        // that keyboard users would have to reach
        EditorView.lineWrapping,
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
