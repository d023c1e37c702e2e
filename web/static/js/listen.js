// "Listen" buttons: read a part of the page aloud with the browser's own speech synthesis, in a
// Swedish voice on Swedish pages when the computer has one. Pause, go on and stop. The buttons
// stay hidden where the browser cannot speak.
(function () {
  "use strict";
  const synth = window.speechSynthesis;
  if (!synth || !window.SpeechSynthesisUtterance) return;
  const LANGS = { sv: "sv-SE", en: "en-GB" };
  const PART = 200;  // Chrome stops long utterances after about 15 s: speak in short parts
  let run = 0;

  // The text a listener wants: no buttons, and a chart by its description.
  function speakable(element) {
    if (element.matches("[data-listen], script, style, [hidden], [aria-hidden=true]")) return "";
    if (element.matches("svg, [role=img]")) return element.getAttribute("aria-label") || "";
    if (element.querySelector("[data-listen], svg, [role=img]")) {
      return Array.from(element.children).map(speakable).filter(Boolean).join("\n");
    }
    return element.innerText;
  }

  function parts(text) {
    const sentences = text.replace(/[ \t]+/g, " ").split(/(?<=[.!?:])\s+|\n+/);
    const out = [];
    sentences.map((s) => s.trim()).filter(Boolean).forEach((sentence) => {
      const last = out.length - 1;
      if (last >= 0 && out[last].length + sentence.length < PART) out[last] += " " + sentence;
      else out.push(sentence);
    });
    return out;
  }

  function voiceFor(lang) {
    const voices = synth.getVoices();
    const wanted = lang.toLowerCase();
    const of = (voice) => voice.lang.replace("_", "-").toLowerCase();
    return voices.find((v) => of(v) === wanted) ||
      voices.find((v) => of(v).startsWith(wanted.slice(0, 2))) || null;
  }

  function setUp(controls) {
    const target = document.querySelector(controls.dataset.listen);
    if (!target) return;
    const start = controls.querySelector("[data-listen-start]");
    const pause = controls.querySelector("[data-listen-pause]");
    const stop = controls.querySelector("[data-listen-stop]");
    function state(speaking, paused) {
      if (!speaking && controls.contains(document.activeElement) && document.activeElement !== start) {
        start.focus();  // the button in focus is about to disappear
      }
      pause.hidden = stop.hidden = !speaking;
      pause.textContent = paused ? pause.dataset.resume : pause.dataset.pause;
    }
    start.addEventListener("click", () => {
      synth.cancel();
      run += 1;
      const mine = run;
      const lang = LANGS[(target.closest("[lang]") || document.documentElement).lang] || "sv-SE";
      const voice = voiceFor(lang);
      const texts = parts(speakable(target));
      texts.forEach((text, index) => {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = lang;
        if (voice) utterance.voice = voice;
        if (index === texts.length - 1) utterance.onend = () => { if (run === mine) state(false); };
        synth.speak(utterance);
      });
      document.querySelectorAll("[data-listen]").forEach((other) => {
        if (other !== controls) other.dispatchEvent(new Event("listen-reset"));
      });
      state(texts.length > 0, false);
    });
    pause.addEventListener("click", () => {
      if (synth.paused) { synth.resume(); state(true, false); } else { synth.pause(); state(true, true); }
    });
    stop.addEventListener("click", () => { run += 1; synth.cancel(); state(false); });
    controls.addEventListener("listen-reset", () => state(false));
    controls.hidden = false;
  }

  synth.getVoices();  // some browsers load their voices on the first ask
  document.querySelectorAll("[data-listen]").forEach(setUp);
  window.addEventListener("pagehide", () => synth.cancel());
})();
