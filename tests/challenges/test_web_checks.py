"""The web grader's checklist, on small pages parsed as a browser would."""

from __future__ import annotations

import pytest

from assessor.domain.challenges.model import TestCase, Visibility
from assessor.domain.grading import grade_submission
from assessor.domain.grading.base import Context
from assessor.domain.grading.web_checks import CHECKS
from assessor.domain.grading.web_page import Page


class _Variant:
    options: dict = {}


def check(name: str, html: str, css: str = "", **fields) -> str | None:
    ctx = Context(variant=_Variant(), tests=(), files={}, runner=None, locale="sv")
    test = TestCase(name, 1.0, Visibility.CANDIDATE, fields)
    return CHECKS[name][0](ctx, Page(html, css), test)


def test_lang_accepts_a_region_and_names_what_was_found():
    assert check("lang", '<html lang="sv-SE">', expect="sv") is None
    assert check("lang", "<html>", expect="sv") == '<html> ska ha lang="sv" (nu: –).'


def test_element_counts_and_text():
    html = "<nav><a href=a>A</a><a href=b>B</a></nav>"
    assert check("element", html, selector="nav a", min=2) is None
    assert check("element", html, selector="nav a", min=3) == (
        "Hittade 2 element som matchar nav a, väntade ≥ 3.")
    assert check("element", html, selector="nav a", text="Kontakt") is not None


def test_alt_texts_are_required_except_on_decorative_images():
    html = ('<img src=a.jpg alt="Talgoxe"><img class=dekor src=d.png alt="">'
            '<img src=b.jpg><img src=c.jpg alt="">')
    assert check("alt", html, decorative="img.dekor") == (
        "Bilder utan en alt-text som beskriver bilden: <img b.jpg>, <img c.jpg>.")


def test_an_alt_text_that_is_a_file_name_does_not_count():
    assert check("alt", '<img src=v.jpg alt="Vår i parken">') is None
    assert check("alt", '<img src=v.jpg alt="var.JPG">') is not None
    assert check("alt", '<img src=v.jpg alt="bild_2.png">') is not None


def test_a_value_that_does_not_match_is_not_called_missing():
    html = '<meta name="viewport" content="width=500">'
    message = check("attribute", html, selector="meta[name=viewport]", attribute="content",
                    pattern=".*width=device-width.*")
    assert message == ("meta[name=viewport] har attributet content, men värdet är inte det som "
                       "uppgiften ber om.")
    assert check("attribute", '<meta name="viewport">', selector="meta[name=viewport]",
                 attribute="content", pattern=".*") == (
        "meta[name=viewport] saknar attributet content.")


@pytest.mark.parametrize("field", [
    '<label for="n">Namn</label><input id="n" name="n">',
    '<label>Namn <input name="n"></label>',
    '<input name="n" aria-label="Namn">',
    '<span id="l">Namn</span><input name="n" aria-labelledby="l">',
])
def test_a_field_is_labelled_in_any_accessible_way(field):
    assert check("labels", f"<form>{field}<button type=submit>Ok</button></form>") is None


def test_a_placeholder_is_not_a_label():
    message = check("labels", '<form><input name="epost" placeholder="E-post"></form>')
    assert message == "Formulärfält utan etikett (<label>): <input epost>."


def test_headings_may_not_skip_a_level_and_need_one_h1():
    assert check("headings", "<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2>") is None
    assert check("headings", "<h1>A</h1><h3>C</h3>") == (
        "Rubrikerna hoppar över en nivå: <h1> → <h3> (C).")
    assert check("headings", "<h2>A</h2>") == "Sidan ska ha exakt en <h1> (nu 0)."


def test_vague_link_texts_are_named():
    assert check("link_text", '<a href="k.html">Kontakta oss</a>') is None
    assert check("link_text", '<a href="k.html">Klicka här!</a><a href="x"></a>') == (
        "Länktexter som inte säger vart länken leder: 'klicka här', <a></a>.")


def test_html_errors_are_said_plainly():
    message = check("valid_html", "<html><body><p>x</span></body>")
    assert message.startswith("HTML-fel: 1:6 <!DOCTYPE html> saknas överst")
    assert "sluttagg </span> utan starttagg" in message


def test_unknown_css_properties_are_reported_as_typos():
    assert check("valid_css", "<p>x</p>", "p { colr: red; color: blue }") == (
        "CSS-fel: 1:5 okänd egenskap colr")


def test_a_css_rule_is_found_through_the_candidates_own_selector():
    html = '<header><nav class="meny"><ul><li>a</li></ul></nav></header>'
    assert check("css", html, "header .meny ul { display: flex }", selector="nav ul",
                 property="display", value="flex") is None
    assert check("css", html, "ul { display: block }", selector="nav ul", property="display",
                 value="flex") == "Ingen CSS-regel ger nav ul display: flex."


def test_inherited_properties_may_be_set_on_an_ancestor():
    html = "<body><main><p>text</p></main></body>"
    assert check("css", html, "body { line-height: 1.5 }", selector="main p",
                 property="line-height", inherit=True, min=1.4) is None
    assert check("css", html, "body { line-height: 1.5 }", selector="main p",
                 property="line-height", min=1.4) is not None


def test_a_value_is_also_found_in_the_shorthand():
    assert check("css", "<ul></ul>", "ul { list-style: none }", selector="ul",
                 property="list-style-type", value="none") is None


def test_rules_inside_a_media_query_count_only_when_asked_for():
    css = "@media (max-width: 600px) { ul { flex-direction: column } }"
    assert check("css", "<ul></ul>", css, selector="ul", property="flex-direction",
                 value="column", media="max-width") is None
    assert check("css", "<ul></ul>", css, selector="ul", property="flex-direction",
                 value="column") is not None


def test_contrast_follows_the_wcag_formula():
    assert check("contrast", "<body><p>x</p></body>", "body { color: #222 }",
                 selector="p") is None
    message = check("contrast", "<body><p>x</p></body>", "p { color: #aaa; background: #fff }",
                    selector="p")
    assert message == "Kontrasten mellan text och bakgrund är 2.3:1, minst 4.5:1 behövs."


def test_the_web_grader_needs_no_sandbox(bank_challenge):
    challenge = bank_challenge("w1-semantisk-sida")
    result = grade_submission(challenge, dict(challenge.solution.files), runner=None)
    assert result.score == 1.0 and result.sandbox_seconds == 0.0


def test_an_empty_page_is_not_gradable(bank_challenge):
    result = grade_submission(bank_challenge("w1-tabell"), "   \n", locale="en")
    assert not result.gradable and result.message == "The file index.html is empty."


def test_text_is_found_inside_longer_text_unless_the_whole_text_is_asked_for():
    html = "<h1>Kontakta  oss inte</h1><h2>kontakta oss</h2>"
    assert check("element", html, selector="h1", text="Kontakta oss") is None
    assert check("element", html, selector="h1", text="Kontakta oss", whole=True) == (
        "Texten i h1 ska vara 'Kontakta oss', utan något mer.")
    assert check("element", html, selector="h1, h2", text="Kontakta oss", whole=True) is None
    assert check("element", html, selector="h1", text="kontakta oss inte", whole=True) is None


def test_whole_without_text_is_a_format_problem(make_challenge):
    from assessor.domain.challenge_bank.loading import read_challenge

    body = '[[tests]]\nname = "rubrik"\ncheck = "element"\nselector = "h1"\nwhole = true\n'
    folder = make_challenge(body, grader="web", files='["index.html"]', extra={
        "solution/index.html": "<h1>A</h1>",
        **{f"wrong/{n}/{f}": t for n in "ab" for f, t in (
            ("index.html", "<p>A</p>"), ("expect.toml", 'mistake = "x"\nfails = ["rubrik"]\n'))}})
    _, problems = read_challenge(folder)
    assert [str(p) for p in problems] == [
        'prov-uppgift/challenge.toml: tests[0].whole: needs the text the element must have. '
        'Write, for example: text = "Öppettider"']


@pytest.mark.parametrize("field", [
    '<label for="n">Namn</label><input id="n" name="n">',
    '<label>Namn <input name="n"></label>',
    '<label for="n" class="rubrik">Namn</label><input id="n" name="n">',
])
def test_a_visible_label_is_a_label_element_that_is_shown(field):
    assert check("labels", f"<form>{field}</form>", visible=True) is None


@pytest.mark.parametrize(("field", "css"), [
    ('<input name="n" aria-label="Namn">', ""),
    ('<span id="l">Namn</span><input name="n" aria-labelledby="l">', ""),
    ('<input name="n" placeholder="Namn">', ""),
    ('<label for="n" hidden>Namn</label><input id="n" name="n">', ""),
    ('<div hidden><label for="n">Namn</label></div><input id="n" name="n">', ""),
    ('<label for="n" style="display: none">Namn</label><input id="n" name="n">', ""),
    ('<label for="n" class="visually-hidden">Namn</label><input id="n" name="n">', ""),
    ('<label for="n" class="sr-only">Namn</label><input id="n" name="n">', ""),
    ('<label for="n" class="dold">Namn</label><input id="n" name="n">',
     ".dold { position: absolute; clip: rect(0 0 0 0); width: 1px; height: 1px; }"),
    ('<label for="n" class="dold">Namn</label><input id="n" name="n">',
     "form .dold { visibility: hidden }"),
    ('<label for="n"></label><input id="n" name="n">', ""),
    ('<label for="annat">Namn</label><input id="n" name="n">', ""),
])
def test_a_hidden_or_non_label_name_is_not_a_visible_label(field, css):
    assert check("labels", f"<form>{field}</form>", css, visible=True) == (
        "Formulärfält utan en synlig etikett (<label>): <input n>.")


def test_a_hiding_rule_in_a_style_element_counts_too():
    html = ('<style>.dold { display: none }</style>'
            '<form><label for="n" class="dold">Namn</label><input id="n" name="n"></form>')
    assert check("labels", html, visible=True) is not None
    assert check("labels", html) is None


def test_css_in_a_style_element_is_read():
    html = "<style>p { color: navy }</style><p>Hej</p>"
    assert check("css", html, selector="p", property="color", value="navy") is None


@pytest.mark.parametrize("button", [
    "<button>Skicka</button>",
    '<button type="submit">Skicka</button>',
    '<button type="SKICKA">Skicka</button>',
    '<input type="submit" value="Skicka">',
    '<input type="image" src="skicka.png" alt="Skicka">',
])
def test_a_button_without_type_submits_the_form(button):
    assert check("submit", f"<form><input name=n>{button}</form>") is None


@pytest.mark.parametrize("button", [
    '<button type="button">Skicka</button>',
    '<button type="reset">Töm</button>',
    '<input type="button" value="Skicka">',
    "<button disabled>Skicka</button>",
    "",
])
def test_a_form_without_a_submit_button_is_named(button):
    assert check("submit", f"<form><input name=n>{button}</form>") == (
        "form har ingen knapp som skickar formuläret (<button>).")


def test_a_submit_button_may_sit_outside_its_form():
    html = '<form id="f"><input name=n></form><button form="f">Skicka</button>'
    assert check("submit", html) is None
    assert check("submit", "<form><input name=n></form><button>Skicka</button>") is not None
