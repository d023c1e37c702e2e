"""Messages of the web grader: elements, attributes, accessibility, HTML and CSS."""

from __future__ import annotations

WEB: dict[str, tuple[str, str]] = {
    "web_missing": ("Hittade inget element som matchar {selector}.",
                    "Found no element matching {selector}."),
    "web_count": ("Hittade {got} element som matchar {selector}, väntade {expected}.",
                  "Found {got} elements matching {selector}, expected {expected}."),
    "web_attribute": ("{selector} saknar attributet {attribute}{value}.",
                      "{selector} lacks the attribute {attribute}{value}."),
    "web_lang": ("<html> ska ha lang=\"{expected}\" (nu: {got}).",
                 "<html> should have lang=\"{expected}\" (now: {got})."),
    "web_attribute_pattern": ("{selector} har attributet {attribute}, men värdet är inte det "
                              "som uppgiften ber om.", "{selector} has the attribute "
                              "{attribute}, but its value is not what the task asks for."),
    "web_alt": ("Bilder utan en alt-text som beskriver bilden: {detail}.",
                "Images without an alt text that describes the picture: {detail}."),
    "web_labels": ("Formulärfält utan etikett (<label>): {detail}.",
                   "Form fields without a label (<label>): {detail}."),
    "web_headings": ("Rubrikerna hoppar över en nivå: {detail}.",
                     "The headings skip a level: {detail}."),
    "web_one_h1": ("Sidan ska ha exakt en <h1> (nu {got}).",
                   "The page should have exactly one <h1> (now {got})."),
    "web_link_text": ("Länktexter som inte säger vart länken leder: {detail}.",
                      "Link texts that do not say where the link goes: {detail}."),
    "web_invalid_html": ("HTML-fel: {detail}", "HTML errors: {detail}"),
    "web_invalid_css": ("CSS-fel: {detail}", "CSS errors: {detail}"),
    "web_css_missing": ("Ingen CSS-regel ger {selector} {declaration}.",
                        "No CSS rule gives {selector} {declaration}."),
    "web_contrast": ("Kontrasten mellan text och bakgrund är {got}:1, minst {expected}:1 behövs.",
                     "The contrast between text and background is {got}:1; at least "
                     "{expected}:1 is needed."),
    "web_text": ("Texten i {selector} ska innehålla {expected}.",
                 "The text in {selector} should contain {expected}."),
    "web_text_whole": ("Texten i {selector} ska vara {expected}, utan något mer.",
                       "The text in {selector} should be {expected}, with nothing more."),
    "web_visible_labels": ("Formulärfält utan en synlig etikett (<label>): {detail}.",
                           "Form fields without a visible label (<label>): {detail}."),
    "web_submit": ("{selector} har ingen knapp som skickar formuläret (<button>).",
                   "{selector} has no button that submits the form (<button>)."),
    "web_too_many": ("Sidan har för många element ({count}; högst {most}). Lämna in en sida "
                     "som bara har det uppgiften ber om.", "The page has too many elements "
                     "({count}; at most {most}). Hand in a page with only what the task asks for."),
    "web_too_deep": ("Elementen ligger för djupt i varandra ({depth} nivåer; högst {most}). "
                     "Kontrollera att varje element stängs med sin sluttagg, till exempel </div>.",
                     "The elements are nested too deeply ({depth} levels; at most {most}). Check "
                     "that every element is closed with its end tag, for example </div>."),
}
