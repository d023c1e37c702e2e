"""Messages every grader may give: files, running the program, what it returned or printed,
how it ended, the rules on its source, and what a hidden test may say."""

from __future__ import annotations

COMMON: dict[str, tuple[str, str]] = {
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
    # the choice grader
    "choice_wrong": ("Fel svar.", "Wrong answer."),
    "choice_missing": ("Inget svar.", "No answer."),
}
