"""Messages shown with grading results, in Swedish (default) and English.

Kept here rather than in the web catalogues because results are computed away from any
request; the web layer shows them as they are. Tone: calm, concrete, what to do next.
"""

from __future__ import annotations

import builtins
import logging

from assessor.domain.vocabulary import LOCALES

log = logging.getLogger(__name__)

CATALOGUE: dict[str, tuple[str, str]] = {
    # code: (Swedish, English), in the order of LOCALES
    "passed": ("Rätt.", "Correct."),
    "hidden_name": ("Dolt test {n}", "Hidden test {n}"),
    "hidden_passed": ("Gick igenom.", "Passed."),
    "hidden_failed": ("Gick inte igenom. Testet är dolt; läs uppgiften igen och tänk på "
                      "kantfall.", "Did not pass. This test is hidden; read the task again and "
                      "think about edge cases."),
    # a hidden test that failed says which kind of problem it met, never its input
    "hidden_wrong": ("Gick inte igenom: fel svar. Testet är dolt; läs uppgiften igen och tänk på "
                     "kantfall.", "Did not pass: wrong answer. This test is hidden; read the "
                     "task again and think about edge cases."),
    "hidden_crashed": ("Gick inte igenom: programmet kraschade med {error}. Testet är dolt; "
                       "tänk på vilka indata som kan ge det felet.", "Did not pass: the program "
                       "crashed with {error}. This test is hidden; think about which input "
                       "could cause that error."),
    "hidden_crashed_any": ("Gick inte igenom: programmet kraschade. Testet är dolt; tänk på "
                           "vilka indata som kan få det att krascha.", "Did not pass: the "
                           "program crashed. This test is hidden; think about which input could "
                           "make it crash."),
    "hidden_error": ("Gick inte igenom: det blev ett fel när testet kördes. Testet är dolt; tänk "
                     "på andra data än i exemplet.", "Did not pass: there was an error when the "
                     "test ran. This test is hidden; think about data other than the example."),
    "hidden_slow": ("Gick inte igenom: programmet blev inte klart i tid. Testet är dolt; kanske "
                    "en oändlig loop, eller en lösning som är för långsam för stora indata?",
                    "Did not pass: the program did not finish in time. This test is hidden; an "
                    "endless loop, perhaps, or a solution too slow for large input?"),
    "hidden_memory": ("Gick inte igenom: programmet använde för mycket minne. Testet är dolt.",
                      "Did not pass: the program used too much memory. This test is hidden."),
    "hidden_output": ("Gick inte igenom: programmet skrev för mycket. Testet är dolt.",
                      "Did not pass: the program wrote too much. This test is hidden."),
    "hidden_stopped": ("Gick inte igenom: programmet avslutades innan testet var klart. Testet "
                       "är dolt.", "Did not pass: the program stopped before the test was done. "
                       "This test is hidden."),
    "own_run_unavailable": ("Vi kunde inte köra programmet just nu. Det är inte ditt fel. Försök "
                            "igen om en stund.", "We could not run the program right now. It is "
                            "not your fault. Please try again in a while."),
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
    # {detail} is a whole sentence (``sentence``): Python's message in plain words
    "syntax_error": ("Syntaxfel i {name} på rad {line}: {detail} Rätta raden och försök igen.",
                     "Syntax error in {name} on line {line}: {detail} Fix the line and try "
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
    "crashed_at": ("Programmet kraschade: {detail} (rad {line} i {file})",
                   "The program crashed: {detail} (line {line} of {file})"),
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
    "ending_memory": ("Programmet använde för mycket minne.", "The program used too much memory."),
    "ending_output": ("Programmet skrev för mycket. Skriv bara ut det som uppgiften ber om.",
                      "The program wrote too much. Print only what the task asks for."),
    "ending_file_size": ("Programmet försökte skriva en för stor fil.",
                         "The program tried to write too large a file."),
    "ending_signal": ("Programmet stoppades av signalen {name}.",
                      "The program was stopped by the signal {name}."),
    # why a test did not finish ("no_observation"), from how the whole run ended
    "status_time_limit": ("körningen tog för lång tid", "the run took too long"),
    "status_wall_limit": ("körningen tog för lång tid", "the run took too long"),
    "status_memory_limit": ("programmet använde för mycket minne",
                            "the program used too much memory"),
    "status_output_limit": ("programmet skrev för mycket", "the program wrote too much"),
    "status_signal": ("programmet stoppades av signalen {name}",
                      "the program was stopped by the signal {name}"),
    "status_exit_code": ("programmet avslutades med felkod {code}",
                         "the program ended with exit code {code}"),
    "status_ended": ("programmet avslutades innan testet", "the program stopped before the test"),
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
    "sql_syntax": ("SQL-koden i {name} kunde inte läsas. {detail} Rätta och försök igen.",
                   "The SQL in {name} could not be read. {detail} Fix it and try again."),
    "sql_one_statement": ("Lämna in en enda SQL-sats i {name} (nu finns {count}).",
                          "Hand in a single SQL statement in {name} (found {count})."),
    "sql_no_statement": ("{name} har ingen SQL-sats. Skriv din fråga och lämna in igen.",
                         "{name} holds no SQL statement. Write your query and hand it in again."),
    "sql_error": ("SQLite gav ett fel: {detail}", "SQLite reported an error: {detail}"),
    "sql_script_error": ("Dina satser stoppades av ett fel. {detail}",
                         "Your statements stopped with an error. {detail}"),
    # SQLite's errors in plain words (see sql_errors.py)
    "sql_syntax_near": ("Syntaxfel nära «{near}». Kontrollera stavningen av orden (SELECT, FROM, "
                        "WHERE …), kommatecken och parenteser.", "Syntax error near «{near}». "
                        "Check the spelling of the words (SELECT, FROM, WHERE …), commas and "
                        "brackets."),
    "sql_incomplete": ("Frågan tar slut för tidigt. Saknas en parentes, ett citattecken eller "
                       "resten av frågan?", "The query ends too early. Is a bracket, a quote or "
                       "the rest of the query missing?"),
    "sql_token": ("Tecknet {token} kan inte stå där. Text skrivs inom enkla citattecken, till "
                  "exempel 'Malmö'.", "The character {token} cannot stand there. Text is written "
                  "in single quotes, for example 'Malmö'."),
    "sql_no_table": ("Tabellen {table} finns inte. Kontrollera stavningen; tabellerna står i "
                     "uppgiften.", "The table {table} does not exist. Check the spelling; the "
                     "tables are listed in the task."),
    "sql_no_column": ("Kolumnen {column} finns inte. Kontrollera stavningen, och att tabellen som "
                      "har kolumnen står i FROM eller JOIN.", "The column {column} does not "
                      "exist. Check the spelling, and that the table that has it is in FROM or "
                      "JOIN."),
    "sql_ambiguous": ("Kolumnen {column} finns i flera av tabellerna. Skriv tabellen framför, "
                      "till exempel tabell.{column}.", "The column {column} is in more than one "
                      "of the tables. Write the table in front, for example table.{column}."),
    "sql_no_function": ("Funktionen {function} finns inte i SQLite. Kontrollera stavningen.",
                        "SQLite has no function {function}. Check the spelling."),
    "sql_aggregate": ("En mängdfunktion (COUNT, SUM, AVG …) står där den inte får stå. Villkor "
                      "på grupper skrivs i HAVING, inte i WHERE.", "An aggregate function "
                      "(COUNT, SUM, AVG …) stands where it may not. Conditions on groups go in "
                      "HAVING, not in WHERE."),
    "sql_having_needs_group": ("HAVING behöver GROUP BY före sig.",
                               "HAVING needs a GROUP BY before it."),
    "sql_read_only": ("Frågan får bara läsa data med SELECT, inte ändra databasen ({what} går "
                      "inte här).", "The query may only read data with SELECT, not change the "
                      "database ({what} cannot be used here)."),
    "sql_read_only_any": ("Frågan får bara läsa data med SELECT, inte ändra databasen.",
                          "The query may only read data with SELECT, not change the database."),
    "sql_too_slow": ("Frågan blev inte klar inom {seconds} s. Kanske en rekursiv fråga (WITH "
                     "RECURSIVE) som aldrig slutar? Lägg till ett villkor som stoppar den.",
                     "The query did not finish within {seconds} s. A recursive query (WITH "
                     "RECURSIVE) that never stops, perhaps? Add a condition that stops it."),
    "sql_too_big": ("Frågan behövde för mycket minne eller plats. Kanske en rekursiv fråga som "
                    "aldrig slutar, eller en JOIN utan villkor? Lägg till ett villkor som "
                    "begränsar raderna.", "The query needed too much memory or space. A "
                    "recursive query that never stops, perhaps, or a JOIN without a condition? "
                    "Add a condition that limits the rows."),
    "sql_one_at_a_time": ("Lämna in en enda SQL-sats; ta bort det som står efter det första "
                          "semikolonet.", "Hand in a single SQL statement; remove what comes "
                          "after the first semicolon."),
    "sql_not_null": ("{column} måste ha ett värde (NOT NULL).",
                     "{column} must have a value (NOT NULL)."),
    "sql_unique": ("Värdet i {column} finns redan, och kolumnen är UNIQUE.",
                   "The value in {column} already exists, and the column is UNIQUE."),
    "sql_check": ("Ett CHECK-villkor stoppade raden.", "A CHECK constraint stopped the row."),
    "sql_foreign_key": ("En främmande nyckel (FOREIGN KEY) pekar på en rad som inte finns.",
                        "A foreign key (FOREIGN KEY) points to a row that does not exist."),
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
    "sql_probe_refused": ("Databasen stoppade {sql}. {detail}",
                          "The database refused {sql}. {detail}"),
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
    # Network
    "net_unreadable": ("Kunde inte läsa {value} som {kind}. Skriv till exempel {example}.",
                       "Could not read {value} as {kind}. Write, for example, {example}."),
    "net_prefix_wrong": ("Prefixet /{written} hör inte till nätet i uppgiften. Skriv adressen "
                         "utan prefix, eller med nätets prefix.",
                         "The prefix /{written} is not the one of the network in the task. Write "
                         "the address without a prefix, or with the network's prefix."),
    "net_prefix_not_asked": ("Skriv bara adressen, utan prefix eller nätmask: {value} har ett.",
                             "Write just the address, without a prefix or netmask: {value} has "
                             "one."),
    "net_host_bits": ("{value} är en adress i nätet, inte nätadressen: alla bitar efter prefixet "
                      "ska vara 0.", "{value} is an address in the network, not the network "
                      "address: every bit after the prefix must be 0."),
    "net_prefix_missing": ("Skriv nätet med prefix: {value} saknar /, till exempel "
                           "192.168.1.0/26.", "Write the network with its prefix: {value} has no "
                           "/, for example 192.168.1.0/26."),
    "net_wrong": ("Fel svar.", "Wrong answer."),
    "net_missing": ("Inget svar.", "No answer."),
    # an answer field whose expected value stays hidden (form tasks)
    "answer_wrong": ("Inte rätt än. Räkna en gång till och kontrollera hur svaret är skrivet.",
                     "Not right yet. Work it out once more and check how the answer is "
                     "written."),
    "answer_missing": ("Inget svar ännu. Skriv ett svar i fältet.",
                       "No answer yet. Write an answer in the field."),
    "net_connect": ("Kunde inte ansluta till din server på 127.0.0.1:{port}.",
                    "Could not connect to your server on 127.0.0.1:{port}."),
    "net_server_ended": ("Din server startade inte. {why}", "Your server did not start. {why}"),
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
    "nb_tag": (' (tagg "{tag}")', ' (tag "{tag}")'),
    # Python's own messages in plain words (python_errors.py): syntax
    "py_expected_colon": ("det saknas ett kolon (:) i slutet av raden",
                          "a colon (:) is missing at the end of the line"),
    "py_forgot_comma": ("ogiltig syntax. Har du glömt ett kommatecken?",
                        "invalid syntax. Did you forget a comma?"),
    "py_meant_equals": ("ett enkelt = ger ett värde; för att jämföra skriver man ==",
                        "a single = gives a value; to compare, write =="),
    "py_cannot_assign": ("det går inte att ge {what} ett värde med =",
                         "{what} cannot be given a value with ="),
    "py_invalid_syntax": ("Python förstår inte raden. Titta efter stavfel, saknade tecken eller "
                          "ett ord på fel plats", "Python cannot read the line. Look for a typo, "
                          "a missing character or a word in the wrong place"),
    "py_never_closed": ("parentesen {bracket} stängs aldrig", "the bracket {bracket} is never "
                        "closed"),
    "py_unmatched": ("parentesen {bracket} stänger något som aldrig öppnades",
                     "the bracket {bracket} closes something that was never opened"),
    "py_bracket_mismatch": ("{closing} passar inte ihop med {opening} som öppnade",
                            "{closing} does not match the {opening} that opened"),
    "py_unterminated_string": ("en text (sträng) tar aldrig slut: citattecknet som ska stänga "
                               "den saknas", "a text (string) never ends: the closing quote is "
                               "missing"),
    "py_unterminated_triple": ('en text inom tre citattecken (""") tar aldrig slut',
                               'a text in triple quotes (""") never ends'),
    "py_missing_parentheses": ("parenteser saknas: skriv {name}(...)",
                               "brackets are missing: write {name}(...)"),
    "py_expected_block": ("raden efter rad {line} ska vara indragen (4 mellanslag)",
                          "the line after line {line} should be indented (4 spaces)"),
    "py_expected_block_any": ("här ska ett indraget block stå (4 mellanslag)",
                              "an indented block should stand here (4 spaces)"),
    "py_unexpected_indent": ("raden är indragen fast den inte ska vara det",
                             "the line is indented though it should not be"),
    "py_unindent": ("indraget stämmer inte med raderna ovanför. Använd 4 mellanslag per nivå",
                    "the indent does not match the lines above. Use 4 spaces per level"),
    "py_tabs_spaces": ("indraget blandar tabbar och mellanslag. Använd bara mellanslag",
                       "the indent mixes tabs and spaces. Use spaces only"),
    "py_invalid_character": ("tecknet {char} kan inte stå i Python-kod (utanför en text)",
                             "the character {char} cannot stand in Python code (outside a text)"),
    "py_invisible_character": ("ett osynligt tecken (U+{code}) står i koden. Skriv om raden",
                               "an invisible character (U+{code}) is in the code. Type the line "
                               "again"),
    "py_invalid_number": ("ett tal är skrivet på ett sätt som Python inte kan läsa",
                          "a number is written in a way Python cannot read"),
    "py_outside_function": ("{word} får bara stå inuti en funktion (def)",
                            "{word} may only stand inside a function (def)"),
    "py_outside_loop": ("{word} får bara stå inuti en loop (for eller while)",
                        "{word} may only stand inside a loop (for or while)"),
    "py_expected_except": ("efter try: ska ett except- eller finally-block komma",
                           "after try: an except or finally block must follow"),
    "py_unexpected_end": ("koden tar slut för tidigt", "the code ends too early"),
    "py_default_order": ("parametrar utan standardvärde ska stå före de som har ett",
                         "parameters without a default must come before those with one"),
    # Python's own messages: runtime
    "py_name": ("namnet {name} finns inte. Är det felstavat, eller används det innan det fått "
                "ett värde?", "there is no name {name}. Is it misspelt, or used before it has "
                "a value?"),
    "py_unbound": ("variabeln {name} används i funktionen innan den fått ett värde där",
                   "the variable {name} is used in the function before it has a value there"),
    "py_concatenate": ("text kan bara sättas ihop med text, inte med {other}. Gör om värdet "
                       "med str(...)", "text can only be joined with text, not with {other}. "
                       "Turn the value into text with str(...)"),
    "py_operand": ("{op} går inte att använda mellan {left} och {right}",
                   "{op} cannot be used between {left} and {right}"),
    "py_compare": ("{op} kan inte jämföra {left} med {right}",
                   "{op} cannot compare {left} with {right}"),
    "py_not_subscriptable": ("ett värde av typen {type} går inte att indexera med [ ]",
                             "a value of type {type} cannot be indexed with [ ]"),
    "py_not_iterable": ("ett värde av typen {type} går inte att gå igenom med for",
                        "a value of type {type} cannot be looped over with for"),
    "py_not_callable": ("ett värde av typen {type} går inte att anropa med ( )",
                        "a value of type {type} cannot be called with ( )"),
    "py_no_len": ("ett värde av typen {type} har ingen längd (len)",
                  "a value of type {type} has no length (len)"),
    "py_too_many_args": ("{name}() tar {takes} argument men fick {given}",
                         "{name}() takes {takes} arguments but got {given}"),
    "py_missing_args": ("{name}() saknar argumentet {names}",
                        "{name}() is missing the argument {names}"),
    "py_indices": ("index i {type} ska vara heltal, inte {other}",
                   "indices of {type} must be whole numbers, not {other}"),
    "py_multiply": ("en lista eller text kan bara multipliceras med ett heltal, inte med {other}",
                    "a list or text can only be multiplied by a whole number, not by {other}"),
    "py_unhashable": ("{type} kan inte vara nyckel i en ordbok eller stå i en mängd",
                      "{type} cannot be a key in a dictionary or stand in a set"),
    "py_index": ("indexet är utanför: det finns inte så många element",
                 "the index is out of range: there are not that many items"),
    "py_pop_empty": ("pop() på en tom lista", "pop() on an empty list"),
    "py_key": ("nyckeln {key} finns inte i ordboken", "the key {key} is not in the dictionary"),
    "py_zero_division": ("division med noll", "division by zero"),
    "py_int_literal": ("int() kan inte läsa {value} som ett heltal",
                       "int() cannot read {value} as a whole number"),
    "py_float_literal": ("float() kan inte läsa {value} som ett tal",
                         "float() cannot read {value} as a number"),
    "py_unpack_few": ("för få värden att packa upp: väntade {expected}, fick {got}",
                      "too few values to unpack: expected {expected}, got {got}"),
    "py_unpack_many": ("för många värden att packa upp: väntade {expected}",
                       "too many values to unpack: expected {expected}"),
    "py_not_in_list": ("{value} finns inte i listan", "{value} is not in the list"),
    "py_math_domain": ("en matematisk funktion fick ett värde den inte kan räkna med (till "
                       "exempel roten ur ett negativt tal)", "a maths function got a value it "
                       "cannot work with (the square root of a negative number, for example)"),
    "py_empty_max": ("{name}() fick en tom lista", "{name}() got an empty list"),
    "py_recursion": ("funktionen anropade sig själv för många gånger. Saknas ett basfall som "
                     "stoppar rekursionen?", "the function called itself too many times. Is a "
                     "base case that stops the recursion missing?"),
    "py_eof": ("programmet ville läsa fler rader med input() än det fanns indata",
               "the program wanted to read more lines with input() than there was input"),
    "py_no_attribute": ("ett värde av typen {type} har inget {name}",
                        "a value of type {type} has no {name}"),
    "py_module_attribute": ("modulen {module} har inget {name}", "the module {module} has no "
                            "{name}"),
    "py_no_module": ("det finns ingen modul som heter {module} här",
                     "there is no module called {module} here"),
    "py_no_file": ("filen {file} finns inte", "the file {file} does not exist"),
    "py_file_too_large": ("programmet skrev för mycket", "the program wrote too much"),
    "py_memory": ("programmet använde för mycket minne", "the program used too much memory"),
    "py_overflow": ("talet blev för stort", "the number became too large"),
    "py_did_you_mean": ("Menade du {name}?", "Did you mean {name}?"),
    "py_type_int": ("int (heltal)", "int (whole number)"),
    "py_type_float": ("float (decimaltal)", "float (decimal number)"),
    "py_type_str": ("str (text)", "str (text)"),
    "py_type_list": ("list (lista)", "list"),
    "py_type_dict": ("dict (ordbok)", "dict (dictionary)"),
    "py_type_tuple": ("tuple", "tuple"),
    "py_type_set": ("set (mängd)", "set"),
    "py_type_bool": ("bool (sant eller falskt)", "bool (true or false)"),
    "py_type_NoneType": ("None (inget värde)", "None (no value)"),
    # Choice
    "choice_wrong": ("Fel svar.", "Wrong answer."),
    "choice_missing": ("Inget svar.", "No answer."),
}


class Message(str):
    """A message text that remembers its catalogue ``code`` and ``params``.

    It is an ordinary string everywhere; the codes let a hidden test say which kind of problem
    it met (see ``problem_of``) without repeating anything the test put in.
    """

    code: str
    params: dict

    def __new__(cls, value: str, code: str = "", params: dict | None = None) -> Message:
        message = super().__new__(cls, value)
        message.code, message.params = code, dict(params or {})
        return message


def text(code: str, locale: str = "sv", /, **params: object) -> Message:
    """The message ``code`` in ``locale`` (Swedish when unknown), with ``params`` filled in.

    Positional-only, so a parameter may be called ``code`` or ``locale``. Whole numbers print
    without decimals: "2 s", not "2.0 s".
    """
    pair = CATALOGUE.get(code)
    if pair is None:
        log.warning("no grading message %s", code)
        return Message(code, code, params)
    template = pair[LOCALES.index(locale)] if locale in LOCALES else pair[0]
    shown = {key: number(value) for key, value in params.items()}
    try:
        return Message(template.format(**shown), code, params)
    except (KeyError, IndexError):
        log.warning("message %s lacks a parameter in %s", code, params)
        return Message(template, code, params)


def sentence(words: str) -> str:
    """``words`` ending as a sentence does: a full stop added unless it ends with . ? or !"""
    words = words.strip()
    return words if not words or words.endswith((".", "?", "!", "…")) else words + "."


def number(value: object) -> object:
    """``value`` as a reader counts: a whole float prints as an integer (2.0 → 2)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


#: message code -> the kind of problem a hidden test may name; any other failure is "wrong"
PROBLEMS = {
    "timed_out": "slow", "status_time_limit": "slow", "status_wall_limit": "slow",
    "ending_memory": "memory", "status_memory_limit": "memory",
    "ending_output": "output", "status_output_limit": "output", "ending_file_size": "output",
    "crashed": "crashed", "crashed_at": "crashed", "raised_unexpected": "crashed",
    "raised": "crashed", "import_failed": "crashed",
    "exit_code": "stopped", "ending_signal": "stopped", "status_signal": "stopped",
    "call_ended": "stopped",
    "status_exit_code": "stopped", "status_ended": "stopped", "spawn_failed": "stopped",
    "net_connect": "stopped", "net_missing": "missing",
    "sql_error": "error", "sql_script_error": "error", "sql_probe_refused": "error",
    "sql_too_slow": "slow", "sql_too_big": "memory",
    **dict.fromkeys(("sql_syntax_near", "sql_incomplete", "sql_token", "sql_no_table",
                     "sql_no_column", "sql_ambiguous", "sql_no_function", "sql_aggregate",
                     "sql_having_needs_group", "sql_read_only", "sql_read_only_any",
                     "sql_one_at_a_time", "sql_not_null", "sql_unique", "sql_check",
                     "sql_foreign_key"), "error"),
}
#: the exception names a hidden test may show: Python's own, never one the program made up
#: (a made-up name could carry the hidden input out)
BUILTIN_ERRORS = frozenset(name for name, value in vars(builtins).items()
                           if isinstance(value, type) and issubclass(value, BaseException))


def problem_of(message: str) -> str:
    """The kind of problem behind a failure message: ``wrong``, ``crashed:ValueError``,
    ``crashed``, ``error``, ``slow``, ``memory``, ``output`` or ``stopped``."""
    code = getattr(message, "code", "")
    params = getattr(message, "params", {})
    if code in ("no_observation", "net_server_ended") and isinstance(params.get("why"), Message):
        return problem_of(params["why"])
    kind = PROBLEMS.get(code, "wrong")
    if kind != "crashed":
        return kind
    name = str(params.get("got") or params.get("detail") or "").split(":")[0].strip()
    return f"crashed:{name}" if name in BUILTIN_ERRORS else kind


def hidden_message(problem: str, locale: str = "sv", *, answer: bool = False) -> Message:
    """What a failed hidden test tells the candidate: the kind of problem, nothing of its input.
    An ``answer`` typed into a form field is told as an answer, not as a program's test."""
    kind, _, error = problem.partition(":")
    if answer:
        return text("answer_missing" if kind == "missing" else "answer_wrong", locale)
    if kind == "crashed":
        if error in BUILTIN_ERRORS:
            return text("hidden_crashed", locale, error=error)
        return text("hidden_crashed_any", locale)
    code = f"hidden_{kind}"
    return text(code if kind and code in CATALOGUE else "hidden_failed", locale)
