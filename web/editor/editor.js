// Kodprov's code editor: CodeMirror 6 on top of a plain <textarea>, which stays the source of
// truth for forms and drafts. Keyboard users leave the editor with Escape and then Tab (however
// long after), or switch Tab between indenting and leaving with Ctrl+M.
import {
  EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars, drawSelection,
  dropCursor, rectangularSelection, crosshairCursor, highlightActiveLine,
} from "@codemirror/view";
import { EditorState, Compartment, Prec } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { autocompletion, completionKeymap } from "@codemirror/autocomplete";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { lintKeymap } from "@codemirror/lint";
import { python } from "@codemirror/lang-python";
import { sql } from "@codemirror/lang-sql";
import { html } from "@codemirror/lang-html";
import { css } from "@codemirror/lang-css";
import {
  HighlightStyle, syntaxHighlighting, defaultHighlightStyle, indentOnInput, indentUnit,
  bracketMatching, foldGutter, foldKeymap,
} from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

// CodeMirror puts its styles in a <style> element; the page's Content-Security-Policy lets it
// in only with the nonce the server gave this script's own <script> tag.
const NONCE = (document.currentScript && document.currentScript.nonce) || "";

// Closing tags are not added for the writer: someone who types `</figure>` in full got
// `</figure>figure>`. The indent unit follows the starting files: four spaces in Python.
const LANGUAGES = {
  python: { support: python, indent: "    " },
  sql: { support: sql, indent: "  " },
  html: { support: () => html({ autoCloseTags: false }), indent: "  " },
  css: { support: css, indent: "  " },
};

// CodeMirror's basicSetup without closeBrackets: what is typed is what is written (a `}` typed
// on its own line after an auto-inserted one made two).
const setup = [
  lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), foldGutter(),
  drawSelection(), dropCursor(), EditorState.allowMultipleSelections.of(true), indentOnInput(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }), bracketMatching(), autocompletion(),
  rectangularSelection(), crosshairCursor(), highlightActiveLine(), highlightSelectionMatches(),
  keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap,
    ...lintKeymap]),
];

const MODIFIERS = ["Shift", "Control", "Alt", "Meta", "AltGraph", "CapsLock"];

// The way out. CodeMirror lets Tab leave for two seconds after an Escape that nothing else
// used; here any Escape (also the one that closes the word list) lets the next Tab leave,
// however late, until another key is typed or the editor loses focus. Ctrl+M (CodeMirror's own
// key, Shift+Alt+M on a Mac) switches Tab between indenting and leaving until pressed again;
// `onTabMode(true)` is called while it is on, so the page can say so.
function wayOut(onTabMode) {
  let escaped = false;
  let switched = false;
  const apply = (view) => view.setTabFocusMode(switched || escaped);
  const toggle = (view) => {
    switched = !switched;
    escaped = false;
    apply(view);
    onTabMode(switched);
    return true;
  };
  return [
    Prec.highest(keymap.of([{ key: "Ctrl-m", run: toggle }, { key: "Shift-Alt-m", run: toggle }])),
    Prec.highest(EditorView.domEventHandlers({
      keydown(event, view) {
        if (event.key === "Escape") {
          escaped = true;
          apply(view);
        } else if (escaped && event.key !== "Tab" && !MODIFIERS.includes(event.key)) {
          escaped = false;
          apply(view);
        }
        return false;  // Escape still closes the word list or a search
      },
      blur(event, view) {
        if (escaped) {
          escaped = false;
          apply(view);
        }
        return false;
      },
    })),
  ];
}

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

// The editor's own size, in rem so that the site-wide text size scales it too (18 = 1.125rem).
const sized = (px) => EditorView.theme({ "&": { fontSize: px / 16 + "rem" } });

export function mount(textarea, options = {}) {
  const language = LANGUAGES[options.language];
  const onTabMode = options.onTabMode || (() => {});
  const fontSize = new Compartment();
  const holder = document.createElement("div");
  textarea.parentNode.insertBefore(holder, textarea);
  const view = new EditorView({
    parent: holder,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        setup,
        NONCE ? EditorView.cspNonce.of(NONCE) : [],
        wayOut(onTabMode),
        syntaxHighlighting(readableColours),
        // long lines wrap: no sideways scrolling at large text sizes, and no scroll region
        // that keyboard users would have to reach
        EditorView.lineWrapping,
        keymap.of([indentWithTab]),
        language ? language.support() : [],
        indentUnit.of(language ? language.indent : "    "),
        EditorState.tabSize.of(4),
        fontSize.of(sized(options.fontSize || 18)),
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
      view.dispatch({ effects: fontSize.reconfigure(sized(px)) });
    },
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
  };
}
