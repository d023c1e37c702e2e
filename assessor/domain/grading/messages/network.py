"""Messages of the network grader: addresses typed into a form, and socket programs."""

from __future__ import annotations

NETWORK: dict[str, tuple[str, str]] = {
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
}
