"""Messages shown with grading results, in Swedish (default) and English.

Kept here rather than in the web catalogues because results are computed away from any
request; the web layer shows them as they are. Tone: calm, concrete, what to do next.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

LOCALES = ("sv", "en")

CATALOGUE: dict[str, tuple[str, str]] = {
    # code: (Swedish, English)
    "passed": ("Rätt.", "Correct."),
    "hidden_name": ("Dolt test {n}", "Hidden test {n}"),
    "hidden_passed": ("Gick igenom.", "Passed."),
    "hidden_failed": ("Gick inte igenom. Testet är dolt; läs uppgiften igen och tänk på "
                      "kantfall.", "Did not pass. This test is hidden; read the task again and "
                      "think about edge cases."),
    "our_error": ("Vi kunde inte rätta just nu. Det är inte ditt fel och kostar inget försök. "
                  "Försök igen om en stund.", "We could not grade this right now. It is not "
                  "your fault and costs no attempt. Please try again in a while."),
    "missing_file": ("Filen {name} saknas. Lämna in den med exakt det namnet.",
                     "The file {name} is missing. Hand it in with exactly that name."),
    "empty_file": ("Filen {name} är tom.", "The file {name} is empty."),
    "too_large": ("Filen {name} är för stor (högst {max_kb} kB).",
                  "The file {name} is too large (at most {max_kb} kB)."),
    "not_utf8": ("Filen {name} kunde inte läsas som text. Spara den som UTF-8 och lämna in igen.",
                 "The file {name} could not be read as text. Save it as UTF-8 and hand it in "
                 "again."),
    "syntax_error": ("Syntaxfel i {name} på rad {line}: {detail}. Rätta raden och försök igen.",
                     "Syntax error in {name} on line {line}: {detail}. Fix the line and try "
                     "again."),
    "missing_name": ("{name} finns inte i {file}. Skriv en funktion eller klass som heter exakt "
                     "{name}.", "{file} has no {name}. Write a function or class named exactly "
                     "{name}."),
    "wrong_output": ("Utskriften stämmer inte.", "The output does not match."),
    "wrong_line": ("Rad {line}: fick {got}, väntade {expected}.",
                   "Line {line}: got {got}, expected {expected}."),
    "wrong_value": ("Fick {got}, väntade {expected}.", "Got {got}, expected {expected}."),
    "spawn_failed": ("Programmet kunde inte startas: {detail}",
                     "The program could not be started: {detail}"),
    "crashed": ("Programmet kraschade: {detail}", "The program crashed: {detail}"),
    "exit_code": ("Programmet avslutades med felkod {code}.",
                  "The program ended with exit code {code}."),
    "timed_out": ("Blev inte klart inom {seconds} s. Kanske en oändlig loop?",
                  "Did not finish within {seconds} s. An endless loop, perhaps?"),
    "raised": ("Kastade {got}, väntade {expected}.", "Raised {got}, expected {expected}."),
    "raised_unexpected": ("Kastade oväntat {got}: {detail}", "Unexpectedly raised {got}: {detail}"),
    "did_not_raise": ("Väntade att {expected} skulle kastas, men inget undantag kastades.",
                      "Expected {expected} to be raised, but nothing was raised."),
    "wrong_printed": ("Utskriften blev {got}, väntade {expected}.",
                      "Printed {got}, expected {expected}."),
    "too_many_reads": ("Läste {got} element ur listan; högst {expected} räcker.",
                       "Read {got} items from the list; at most {expected} are needed."),
    "input_changed": ("Funktionen ändrade listan den fick in.",
                      "The function changed the list it was given."),
    "no_observation": ("Testet kördes inte klart: {why}.", "The test did not finish: {why}."),
    "import_failed": ("Din fil kunde inte köras: {detail}", "Your file could not run: {detail}"),
    "status_time_limit": ("körningen tog för lång tid", "the run took too long"),
    "status_wall_limit": ("körningen tog för lång tid", "the run took too long"),
    "status_memory_limit": ("programmet använde för mycket minne",
                            "the program used too much memory"),
    "status_output_limit": ("programmet skrev ut för mycket", "the program printed too much"),
    "status_runtime_error": ("programmet avslutades innan testet", "the program stopped before "
                             "the test"),
    "status_ok": ("programmet avslutades innan testet", "the program stopped before the test"),
    "static_forbidden": ("Lösningen får inte använda {construct} här.",
                         "The solution may not use {construct} here."),
    "static_required": ("Lösningen ska använda {construct}.", "The solution must use {construct}."),
    "uncheckable": ("Koden hämtar namn på ett sätt som inte går att kontrollera: {what}.",
                    "The code looks up names in a way that cannot be checked: {what}."),
    "uncheckable_computed": ("{name} med ett uträknat namn", "{name} with a computed name"),
    "uncheckable_reflection": ("{name}", "{name}"),
    "uncheckable_unknown": ("namnet {name}, som koden aldrig skapar",
                            "the name {name}, which the code never creates"),
    "not_recursive_at_runtime": ("{name} anropade aldrig sig själv när testerna kördes.",
                                 "{name} never called itself while the tests ran."),
    "call_ended": ("Programmet avslutades mitt under anropet.",
                   "The program ended in the middle of the call."),
    "observation_too_large": ("Svaret eller utskriften blev för stor för att jämföras.",
                              "The result or the printed text was too large to compare."),
    # SQL
    "sql_syntax": ("SQL-fel i {name}: {detail}. Rätta SQL-koden och försök igen.",
                   "SQL error in {name}: {detail}. Fix the SQL and try again."),
    "sql_one_statement": ("Lämna in en enda SQL-sats i {name} (nu finns {count}).",
                          "Hand in a single SQL statement in {name} (found {count})."),
    "sql_error": ("Frågan gav ett fel: {detail}", "The query failed: {detail}"),
    "sql_script_error": ("Dina satser stoppades av ett fel: {detail}.",
                         "Your statements stopped with an error: {detail}."),
    "sql_columns": ("Kolumnerna stämmer inte: fick {got}, väntade {expected}.",
                    "The columns do not match: got {got}, expected {expected}."),
    "sql_row_count": ("Fick {got} rader, väntade {expected}.", "Got {got} rows, expected "
                      "{expected}."),
    "sql_rows": ("Raderna stämmer inte. {detail}", "The rows do not match. {detail}"),
    "sql_missing_row": ("Saknas bland dina rader: {row}.", "Missing from your rows: {row}."),
    "sql_extra_row": ("Ska inte vara med: {row}.", "Should not be there: {row}."),
    "sql_order": ("Rätt rader men i fel ordning.", "The right rows, in the wrong order."),
    "sql_required": ("Frågan ska använda {construct}.", "The query must use {construct}."),
    "sql_forbidden": ("Frågan får inte använda {construct}.", "The query may not use {construct}."),
    "sql_unparsed": ("Frågan kunde inte analyseras: {detail}", "The query could not be analysed: "
                     "{detail}"),
    "sql_probe_error": ("Databasen borde stoppa {sql} ({expected}), men satsen gick igenom.",
                        "The database should refuse {sql} ({expected}), but it was accepted."),
    "sql_probe_refused": ("Databasen stoppade {sql}: {detail}",
                          "The database refused {sql}: {detail}"),
    # Web
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
    # Network
    "net_unreadable": ("Kunde inte läsa {value} som {kind}. Skriv till exempel {example}.",
                       "Could not read {value} as {kind}. Write, for example, {example}."),
    "net_wrong": ("Fel svar.", "Wrong answer."),
    "net_missing": ("Inget svar.", "No answer."),
    "net_connect": ("Kunde inte ansluta till din server på 127.0.0.1:{port}.",
                    "Could not connect to your server on 127.0.0.1:{port}."),
    "net_no_reply": ("Inget svar på rad {n}: servern svarade inte inom {seconds} s eller "
                     "stängde anslutningen.", "No reply to line {n}: the server did not answer "
                     "within {seconds} s, or closed the connection."),
    "net_replies": ("Svaren stämmer inte på rad {n}: fick {got}, väntade {expected}.",
                    "The replies do not match on line {n}: got {got}, expected {expected}."),
    "net_client_sent": ("Servern fick {got}, väntade {expected}.",
                        "The server received {got}, expected {expected}."),
    # Notebook
    "nb_not_json": ("{name} är ingen notebook: filen är inte giltig JSON (fel på rad {line}). "
                    "Öppna den i Jupyter, spara igen och lämna in .ipynb-filen.",
                    "{name} is not a notebook: the file is not valid JSON (error on line "
                    "{line}). Open it in Jupyter, save it again and hand in the .ipynb file."),
    "nb_not_notebook": ("{name} är JSON men ingen Jupyter-notebook. Lämna in .ipynb-filen som "
                        "du sparade i Jupyter.", "{name} is JSON but not a Jupyter notebook. "
                        "Hand in the .ipynb file you saved in Jupyter."),
    "nb_invalid": ("Notebooken {name} är skadad eller i ett för gammalt format. Öppna den i "
                   "Jupyter, spara igen och lämna in .ipynb-filen.", "The notebook {name} is "
                   "damaged or in a format that is too old. Open it in Jupyter, save it again "
                   "and hand in the .ipynb file."),
    "nb_too_large": ("Notebooken är för stor ({size} kB, högst {max_kb} kB). Välj Kernel → "
                     "Restart & Clear Output, spara och lämna in igen.", "The notebook is too "
                     "large ({size} kB, at most {max_kb} kB). Choose Kernel → Restart & Clear "
                     "Output, save and hand it in again."),
    "nb_no_code": ("Notebooken har inga kodceller att rätta{tag}.",
                   "The notebook has no code cells to grade{tag}."),
    # Choice
    "choice_wrong": ("Fel svar.", "Wrong answer."),
    "choice_missing": ("Inget svar.", "No answer."),
}


def text(code: str, locale: str = "sv", **params: object) -> str:
    """The message ``code`` in ``locale`` (Swedish when unknown), with ``params`` filled in."""
    pair = CATALOGUE.get(code)
    if pair is None:
        log.warning("no grading message %s", code)
        return code
    template = pair[1] if locale == "en" else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        log.warning("message %s lacks a parameter in %s", code, params)
        return template
