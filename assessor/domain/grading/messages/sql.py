"""Messages of the SQL grader, and SQLite's errors in plain words (``sql_errors.py``)."""

from __future__ import annotations

SQL: dict[str, tuple[str, str]] = {
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
}
